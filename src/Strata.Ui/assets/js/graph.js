// The pipeline graph as hand-drawn SVG: layers left to right (sources, then each dataset one
// column right of its furthest input), nodes coloured by state, edges labelled with their mapping.
'use strict';
(() => {
  const S = window.Strata;
  const NS = 'http://www.w3.org/2000/svg';
  const W = 210, H = 74, GAP_X = 96, GAP_Y = 20, PAD = 16;

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) node.setAttribute(k, v);
    for (const c of children.flat()) if (c !== undefined && c !== null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  // Orders each column by the mean position of its inputs (one barycentre pass): fewer crossings, stable output.
  function layout(graph) {
    const columns = [];
    for (const node of graph.nodes) (columns[node.column] = columns[node.column] || []).push(node);
    const position = new Map();
    const inputs = new Map(graph.nodes.map(n => [n.name, graph.edges.filter(e => e.to === n.name).map(e => e.from)]));
    columns.forEach((column, c) => {
      if (c > 0) {
        const weight = n => { const ins = inputs.get(n.name).map(i => position.get(i)).filter(x => x !== undefined); return ins.length ? ins.reduce((a, b) => a + b, 0) / ins.length : 0; };
        column.sort((a, b) => weight(a) - weight(b));
      }
      column.forEach((n, i) => position.set(n.name, i));
    });
    const tallest = Math.max(...columns.map(c => c.length));
    const boxes = new Map();
    columns.forEach((column, c) => {
      const offset = (tallest - column.length) * (H + GAP_Y) / 2;
      column.forEach((n, i) => boxes.set(n.name, { x: PAD + c * (W + GAP_X), y: PAD + offset + i * (H + GAP_Y), node: n }));
    });
    return { boxes, width: PAD * 2 + columns.length * W + (columns.length - 1) * GAP_X, height: PAD * 2 + tallest * H + (tallest - 1) * GAP_Y };
  }

  function counts(n) {
    const parts = [`${S.num(n.partitions)} partition${n.partitions === 1 ? '' : 's'}`, `${S.num(n.rows)} rows`];
    return parts.join(' · ');
  }

  function work(n) {
    const parts = [];
    if (n.failed) parts.push(`${S.num(n.failed)} failed`);
    if (n.held) parts.push(`${S.num(n.held)} held`);
    if (n.stale) parts.push(`${S.num(n.stale)} stale`);
    if (n.unparsedBlobs) parts.push(`${S.num(n.unparsedBlobs)} blob${n.unparsedBlobs === 1 ? '' : 's'} to parse`);
    return parts.length ? parts.join(' · ') : (S.states[n.state] || {}).label;
  }

  S.graph = (graph, onOpen) => {
    const { boxes, width, height } = layout(graph);
    const arrow = `arrow-${graph.pipeline}`;
    const edges = graph.edges.map(e => {
      const a = boxes.get(e.from), b = boxes.get(e.to);
      if (!a || !b) return null;
      const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2, mx = (x1 + x2) / 2;
      return svg('g', { class: 'edge' },
        svg('path', { d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2 - 6},${y2}`, 'marker-end': `url(#${arrow})` }),
        e.mapping === 'identity' ? null : svg('text', { x: mx, y: (y1 + y2) / 2 - 4, 'text-anchor': 'middle', class: 'edge-label' }, e.mapping));
    });
    const nodes = [...boxes.values()].map(({ x, y, node: n }) => {
      const g = svg('g', { class: `node state-${n.state}`, transform: `translate(${x},${y})`, tabindex: 0, role: 'link', 'data-name': n.name, 'data-state': n.state },
        svg('title', {}, `${n.name} (${n.layer}): ${(S.states[n.state] || {}).label}`),
        svg('rect', { width: W, height: H, rx: 8, class: 'node-box' }),
        svg('rect', { width: 6, height: H, rx: 3, class: 'node-bar' }),
        svg('text', { x: 16, y: 22, class: 'node-name' }, n.name),
        svg('text', { x: W - 10, y: 22, 'text-anchor': 'end', class: `node-layer layer-text-${n.layer}` }, n.layer),
        svg('text', { x: 16, y: 43, class: 'node-counts' }, counts(n)),
        svg('circle', { cx: 20, cy: 59, r: 4, class: 'node-dot' }),
        svg('text', { x: 30, y: 63, class: 'node-state' }, work(n)));
      const open = () => onOpen(n);
      g.addEventListener('click', open);
      g.addEventListener('keydown', ev => { if (ev.key === 'Enter') open(); });
      return g;
    });
    return svg('svg', { class: 'graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `graph of pipeline ${graph.pipeline}` },
      svg('defs', {}, svg('marker', { id: arrow, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' }))),
      edges, nodes);
  };

  S.legend = () => S.h('div', { class: 'legend' }, Object.keys(S.states).map(s => S.h('span', { class: `legend-item state-${s}` }, S.h('i'), S.states[s].label)));
})();
