// The partition grid: a calendar (a row per day of 24 hours, per month of 31 days, or per year of
// 12 months), virtualised — only the rows in view exist in the page — and loaded in blocks of rows
// as they come into view, one columnar API page per block. 100,000 partitions cost what one
// screen of them costs.
'use strict';
(() => {
  const S = window.Strata;
  const { h } = S;
  // A block of 32 rows holds at most 992 partitions: one page of a table range query (1,000 entities).
  const ROW_H = 22, BLOCK_ROWS = 32, OVERSCAN = 6;
  const DAY = 86400000;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n, w = 2) => String(n).padStart(w, '0');

  // Calendar arithmetic per grain, all in UTC (partition keys are UTC).
  const calendars = {
    hour: {
      cells: 24, header: i => pad(i),
      parse: k => { const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d)$/.exec(k); return m && new Date(Date.UTC(+m[1], m[2] - 1, +m[3], +m[4])); },
      row: (d, base) => Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - base) / DAY),
      cell: d => d.getUTCHours(),
      base: d => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()),
      at: (base, r, c) => new Date(base + r * DAY + c * 3600000),
      key: d => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}`,
      label: (base, r) => new Date(base + r * DAY).toISOString().slice(0, 10),
      valid: () => true,
    },
    day: {
      cells: 31, header: i => String(i + 1),
      parse: k => { const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(k); return m && new Date(Date.UTC(+m[1], m[2] - 1, +m[3])); },
      row: (d, base) => d.getUTCFullYear() * 12 + d.getUTCMonth() - base,
      cell: d => d.getUTCDate() - 1,
      base: d => d.getUTCFullYear() * 12 + d.getUTCMonth(),
      at: (base, r, c) => new Date(Date.UTC(Math.floor((base + r) / 12), (base + r) % 12, c + 1)),
      key: d => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
      label: (base, r) => `${Math.floor((base + r) / 12)}-${pad((base + r) % 12 + 1)}`,
      valid: (base, r, c) => new Date(Date.UTC(Math.floor((base + r) / 12), (base + r) % 12 + 1, 0)).getUTCDate() > c,
    },
    month: {
      cells: 12, header: i => MONTHS[i],
      parse: k => { const m = /^(\d{4})-(\d\d)$/.exec(k); return m && new Date(Date.UTC(+m[1], m[2] - 1, 1)); },
      row: (d, base) => d.getUTCFullYear() - base,
      cell: d => d.getUTCMonth(),
      base: d => d.getUTCFullYear(),
      at: (base, r, c) => new Date(Date.UTC(base + r, c, 1)),
      key: d => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`,
      label: (base, r) => String(base + r),
      valid: () => true,
    },
  };

  // The first page a dataset page asks for, alongside its overview (before the grain is known).
  S.gridFirstLimit = 999;

  // view: the dataset overview; firstPage: the promise of the first grid page (no 'from');
  // fetchPage(from, limit) -> a columnar grid page; onSelect(key, info).
  S.partitionGrid = async (view, firstPage, fetchPage, onSelect) => {
    const first = await firstPage;
    const cal = calendars[view.grain];
    const stale = new Map(view.stale.map(s => [s.partition, s]));
    const failed = new Map(view.failures.map(f => [f.partition, f]));
    const known = new Map();
    const info = key => ({ key, committed: known.get(key), stale: stale.get(key), failure: failed.get(key) });
    const stateOf = key => failed.has(key) ? 'failed' : stale.has(key) ? 'stale' : known.has(key) ? 'upToDate' : 'missing';

    if (!cal) {
      // One partition ('all'): nothing to lay out.
      const root = h('div', { class: 'grid grid-single', dataset: { settled: 'true' } });
      first.keys.forEach((k, i) => known.set(k, { rows: first.rows[i], committedAt: first.committedAt[i], run: first.runs[first.run[i]] }));
      const keys = new Set([...known.keys(), ...stale.keys(), ...failed.keys()]);
      S.fill(root, [...keys].map(k => h('button', { class: `cell-big state-${stateOf(k)}`, 'data-key': k, onclick: () => onSelect(k, info(k)) },
        h('strong', {}, k), h('span', {}, known.has(k) ? `${S.num(known.get(k).rows)} rows` : (S.states[stateOf(k)] || {}).label || 'not built'))));
      if (keys.size === 0) S.fill(root, S.empty('No partition committed yet.'));
      requestAnimationFrame(() => performance.mark('strata:grid-first-render'));
      return root;
    }

    const dates = [first.keys[0], ...stale.keys(), ...failed.keys()].filter(Boolean).map(cal.parse).filter(Boolean);
    if (dates.length === 0) return S.empty('No partition committed and nothing stale yet.');
    const base = cal.base(new Date(Math.min(...dates)));
    let rows = Math.max(1, Math.ceil(view.partitions / cal.cells), ...dates.map(d => cal.row(d, base) + 1));
    let endKnown = false;
    const blocks = new Map(); // block index -> 'loading' | 'loaded'

    const spacer = h('div', { class: 'grid-spacer' });
    const scroller = h('div', { class: 'grid-scroll', tabindex: 0 }, spacer);
    const status = h('span', { class: 'muted' });
    const jump = h('input', { type: 'text', placeholder: cal.key(new Date(Math.min(...dates))), 'aria-label': 'jump to a partition key', size: 14 });
    const head = h('div', { class: 'grid-row grid-head' }, h('span', { class: 'grid-label' }, ''),
      Array.from({ length: cal.cells }, (_, i) => h('span', { class: 'grid-col' }, cal.header(i))));
    const root = h('div', { class: 'grid', dataset: { settled: 'false' } },
      h('div', { class: 'grid-tools' }, status,
        h('form', { class: 'jump', onsubmit: ev => { ev.preventDefault(); goTo(jump.value.trim()); } }, jump, h('button', { type: 'submit' }, 'Go'))),
      head, scroller,
      h('div', { class: 'legend' }, ['upToDate', 'stale', 'failed', 'missing', 'loading'].map(s =>
        h('span', { class: `legend-item state-${s}` }, h('i'), s === 'upToDate' ? 'committed' : s === 'missing' ? 'no partition' : s))));

    function goTo(text) {
      const d = cal.parse(text) || cal.parse(text + (view.grain === 'hour' ? 'T00' : view.grain === 'day' ? '-01' : ''));
      if (d) scroller.scrollTop = Math.max(0, cal.row(d, base) * ROW_H - ROW_H * 2);
    }

    let maxRow = -1;
    function merge(page, block) {
      page.keys.forEach((k, i) => {
        known.set(k, { rows: page.rows[i], committedAt: page.committedAt[i], run: page.runs[page.run[i]] });
        const d = cal.parse(k);
        if (d) maxRow = Math.max(maxRow, cal.row(d, base));
      });
      // Every key before 'next' came in this page, so the blocks wholly before it are loaded; no 'next' is the end.
      const next = page.next && cal.parse(page.next);
      const upTo = next ? Math.max(block, Math.floor(cal.row(next, base) / BLOCK_ROWS) - 1) : Math.max(block, Math.floor(maxRow / BLOCK_ROWS));
      for (let b = block; b <= upTo; b++) blocks.set(b, 'loaded');
      if (next) {
        rows = Math.max(rows, cal.row(next, base) + 1);
      } else {
        endKnown = true;
        rows = Math.max(maxRow + 1, ...dates.map(d => cal.row(d, base) + 1), 1);
      }
      rows = Math.max(rows, maxRow + 1);
    }

    function load(block) {
      if (blocks.has(block) || (endKnown && block * BLOCK_ROWS >= rows)) return;
      blocks.set(block, 'loading');
      const from = cal.key(cal.at(base, block * BLOCK_ROWS, 0));
      fetchPage(from, BLOCK_ROWS * cal.cells)
        .then(page => { merge(page, block); schedule(); })
        .catch(e => { blocks.delete(block); S.fill(status, S.errorBox(e)); });
    }

    let frame = 0, rendered = false;
    function schedule() { if (!frame) frame = requestAnimationFrame(draw); }

    function draw() {
      frame = 0;
      spacer.style.height = `${rows * ROW_H}px`;
      scroller.style.height = `${Math.min(520, rows * ROW_H + 10)}px`;
      const top = Math.max(0, Math.floor(scroller.scrollTop / ROW_H) - OVERSCAN);
      const bottom = Math.min(rows, Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW_H) + OVERSCAN);
      let settled = true;
      for (let b = Math.floor(top / BLOCK_ROWS); b <= Math.floor(Math.max(top, bottom - 1) / BLOCK_ROWS); b++) {
        load(b);
        if (blocks.get(b) !== 'loaded' && !(endKnown && b * BLOCK_ROWS >= rows)) settled = false;
      }
      const fragment = document.createDocumentFragment();
      for (let r = top; r < bottom; r++) {
        const loaded = blocks.get(Math.floor(r / BLOCK_ROWS)) === 'loaded';
        const row = h('div', { class: 'grid-row', style: `top:${r * ROW_H}px` }, h('span', { class: 'grid-label' }, cal.label(base, r)));
        for (let c = 0; c < cal.cells; c++) {
          if (!cal.valid(base, r, c)) { row.append(h('span', { class: 'cell cell-void' })); continue; }
          const key = cal.key(cal.at(base, r, c));
          const state = loaded || stale.has(key) || failed.has(key) ? stateOf(key) : 'loading';
          const committed = known.get(key);
          row.append(h('span', { class: `cell state-${state}`, 'data-key': key, title: committed ? `${key}: ${S.num(committed.rows)} rows` : key }));
        }
        fragment.append(row);
      }
      S.fill(spacer, fragment);
      status.textContent = `${S.num(view.partitions)} partitions${endKnown ? '' : ' (loading as you scroll)'}`;
      if (!rendered && settled) { rendered = true; performance.mark('strata:grid-first-render'); }
      if (settled) performance.mark('strata:grid-settled');
      root.dataset.settled = String(settled);
    }

    scroller.addEventListener('scroll', () => { root.dataset.settled = 'false'; schedule(); }, { passive: true });
    scroller.addEventListener('click', ev => {
      const key = ev.target.dataset && ev.target.dataset.key;
      if (key && !ev.target.classList.contains('state-loading')) onSelect(key, info(key));
    });
    // Nothing is committed before the first key, so the first page covers every block before its 'next'.
    merge(first, 0);
    // Drawn once attached, when the scroller has a height.
    requestAnimationFrame(draw);
    root.grid = { scroller, goTo, rows: () => rows };
    return root;
  };
})();
