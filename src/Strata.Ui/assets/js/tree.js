// Lineage trees: a partition's inputs down to raw blobs, or everything it feeds, as nested lists
// whose every node links to its own lineage (raw blobs to their receipt and reach).
'use strict';
(() => {
  const S = window.Strata;
  const { h } = S;

  function label(node) {
    const raw = node.layer === 'raw';
    const href = raw ? S.links.raw(node.dataset, node.partition) : S.links.lineage(node.dataset, node.partition);
    return h('a', { class: `tree-node${raw ? ' tree-raw' : ''}`, href, 'data-layer': node.layer, 'data-dataset': node.dataset, 'data-partition': node.partition, title: node.path || '' },
      S.layerBadge(node.layer),
      // A raw blob is named <sha256>-<landing name>: show the name, then the hash's start.
      h('span', { class: 'tree-name' }, raw ? (node.path || node.partition).split('/').pop().replace(/^[0-9a-f]{64}-/, '') : node.dataset),
      h('span', { class: 'tree-key' }, raw ? node.partition.slice(0, 12) : node.partition),
      raw || !node.rows ? null : h('span', { class: 'muted' }, `${S.num(node.rows)} rows`),
      node.note ? h('span', { class: 'muted' }, ` — ${node.note}`) : null);
  }

  // A node reached twice (a window, a shared input) is drawn once; later mentions say so.
  S.lineageTree = (root, includeRoot) => {
    const seen = new Set();
    const walk = node => {
      const id = `${node.layer}|${node.dataset}|${node.partition}`;
      const again = seen.has(id);
      seen.add(id);
      return h('li', {}, label(node),
        again && node.links.length ? h('span', { class: 'muted' }, ' (inputs shown above)') : null,
        !again && node.links.length ? h('ul', {}, node.links.map(walk)) : null);
    };
    if (includeRoot) return h('ul', { class: 'tree' }, walk(root));
    return root.links.length ? h('ul', { class: 'tree' }, root.links.map(walk)) : S.empty('Nothing.');
  };
})();
