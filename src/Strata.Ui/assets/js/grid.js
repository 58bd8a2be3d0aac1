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

  // The first page a dataset page asks for, alongside its overview (at most one table page).
  S.gridFirstLimit = 999;

  const grainOf = key => /^\d{4}-\d\d-\d\dT\d\d$/.test(key) ? 'hour' : /^\d{4}-\d\d-\d\d$/.test(key) ? 'day' : /^\d{4}-\d\d$/.test(key) ? 'month' : null;
  const legend = () => h('div', { class: 'legend' }, ['upToDate', 'stale', 'failed', 'held', 'missing', 'loading'].map(s =>
    h('span', { class: `legend-item state-${s}` }, h('i'), s === 'upToDate' ? 'committed' : s === 'missing' ? 'no partition' : s)));

  // first: the first grid page (no 'from'), drawn at once; root.overview(view) then adds the
  // dataset's total and its stale and failed partitions (the overview runs the plan, which takes
  // longer than a page of partitions). fetchPage(from, limit) -> a page; onSelect(key, info).
  S.partitionGrid = (first, fetchPage, onSelect) => {
    const stale = new Map(), failed = new Map(), known = new Map(), held = new Map();
    let total = null;
    const info = key => ({ key, committed: known.get(key), stale: stale.get(key), failure: failed.get(key), held: held.get(key) });
    const stateOf = key => failed.has(key) ? 'failed' : held.has(key) ? 'held' : stale.has(key) ? 'stale' : known.has(key) ? 'upToDate' : 'missing';
    const remember = page => page.keys.forEach((k, i) => known.set(k, { rows: page.rows[i], committedAt: page.committedAt[i], run: page.runs[page.run[i]] }));
    const overlay = view => {
      view.stale.forEach(x => stale.set(x.partition, x));
      view.failures.forEach(f => failed.set(f.partition, f));
      (view.held || []).forEach(x => held.set(x.partition, x));
      total = view.partitions;
    };
    remember(first);
    const cal = calendars[first.keys.length ? grainOf(first.keys[0]) : null];
    return cal ? calendar(cal) : singles();

    // One partition ('all'), or nothing committed yet: the partitions there are, side by side.
    function singles() {
      const root = h('div', { class: 'grid grid-single', dataset: { settled: 'true' } });
      const draw = () => {
        const keys = [...new Set([...known.keys(), ...stale.keys(), ...failed.keys()])].sort();
        S.fill(root, keys.length ? keys.map(k => h('button', { class: `cell-big state-${stateOf(k)}`, 'data-key': k, onclick: () => onSelect(k, info(k)) },
          h('strong', {}, k), h('span', {}, known.has(k) ? `${S.num(known.get(k).rows)} rows` : 'not committed'))) : S.empty('No partition committed yet.'));
      };
      draw();
      requestAnimationFrame(() => performance.mark('strata:grid-first-render'));
      root.overview = view => { overlay(view); draw(); };
      return root;
    }

    function calendar(cal) {
      let base = cal.base(cal.parse(first.keys[0]));
      let rows = 1, maxRow = -1, endKnown = false, blocks = new Map(); // block index -> 'loading' | 'loaded'
      const spacer = h('div', { class: 'grid-spacer' });
      const scroller = h('div', { class: 'grid-scroll', tabindex: 0 }, spacer);
      const status = h('span', { class: 'muted' });
      const jump = h('input', { type: 'text', placeholder: first.keys[0], 'aria-label': 'jump to a partition key', size: 14 });
      const root = h('div', { class: 'grid', dataset: { settled: 'false' } },
        h('div', { class: 'grid-tools' }, status,
          h('form', { class: 'jump', onsubmit: ev => { ev.preventDefault(); goTo(jump.value.trim()); } }, jump, h('button', { type: 'submit' }, 'Go'))),
        h('div', { class: 'grid-row grid-head' }, h('span', { class: 'grid-label' }, ''),
          Array.from({ length: cal.cells }, (_, i) => h('span', { class: 'grid-col' }, cal.header(i)))),
        scroller, legend());

      const others = () => [...stale.keys(), ...failed.keys()].map(cal.parse).filter(Boolean);

      function goTo(text) {
        const d = cal.parse(text) || cal.parse(text + '-01') || cal.parse(text + 'T00') || cal.parse(text + '-01T00');
        if (d) scroller.scrollTop = Math.max(0, cal.row(d, base) * ROW_H - ROW_H * 2);
      }

      function merge(page, block) {
        remember(page);
        page.keys.forEach(k => { const d = cal.parse(k); if (d) maxRow = Math.max(maxRow, cal.row(d, base)); });
        // Every key before 'next' came in this page, so the blocks wholly before it are loaded; no 'next' is the end.
        const next = page.next && cal.parse(page.next);
        const upTo = next ? Math.max(block, Math.floor(cal.row(next, base) / BLOCK_ROWS) - 1) : Math.max(block, Math.floor(maxRow / BLOCK_ROWS));
        for (let b = block; b <= upTo; b++) blocks.set(b, 'loaded');
        if (next) rows = Math.max(rows, cal.row(next, base) + 1);
        else endKnown = true;
        rows = Math.max(rows, maxRow + 1, ...others().map(d => cal.row(d, base) + 1));
        if (endKnown) rows = Math.max(maxRow + 1, ...others().map(d => cal.row(d, base) + 1), 1);
      }

      // Nothing is committed before the first key, so the first page covers every block before its 'next'.
      function start(newBase) {
        base = newBase;
        blocks = new Map();
        maxRow = -1;
        endKnown = false;
        rows = 1;
        merge(first, 0);
        if (total !== null && !endKnown) rows = Math.max(rows, Math.ceil(total / cal.cells));
      }

      function load(block) {
        if (blocks.has(block) || (endKnown && block * BLOCK_ROWS >= rows)) return;
        blocks.set(block, 'loading');
        const from = cal.key(cal.at(base, block * BLOCK_ROWS, 0));
        const asked = base;
        fetchPage(from, BLOCK_ROWS * cal.cells)
          .then(page => { if (asked === base) { merge(page, block); schedule(); } })
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
        status.textContent = `${total === null ? '…' : S.num(total)} partitions${endKnown ? '' : ' (read as you scroll)'}`;
        if (!rendered && settled) { rendered = true; performance.mark('strata:grid-first-render'); }
        if (settled) performance.mark('strata:grid-settled');
        root.dataset.settled = String(settled);
      }

      scroller.addEventListener('scroll', () => { root.dataset.settled = 'false'; schedule(); }, { passive: true });
      scroller.addEventListener('click', ev => {
        const key = ev.target.dataset && ev.target.dataset.key;
        if (key && !ev.target.classList.contains('state-loading')) onSelect(key, info(key));
      });

      // A stale partition before the first committed one (new data) moves the calendar's start.
      root.overview = view => {
        overlay(view);
        const earliest = Math.min(base, ...others().map(d => cal.base(d)));
        if (earliest < base) start(earliest);
        else rows = Math.max(rows, endKnown ? 0 : Math.ceil(total / cal.cells), ...others().map(d => cal.row(d, base) + 1));
        schedule();
      };
      start(base);
      // Drawn once attached, when the scroller has a height.
      requestAnimationFrame(draw);
      return root;
    }
  };
})();
