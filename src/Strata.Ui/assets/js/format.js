// Formatting shared by every page: numbers, times, durations, states, layers and links.
'use strict';
(() => {
  const S = window.Strata;
  const { h, enc } = S;
  const numbers = new Intl.NumberFormat('en');

  S.num = n => (n === undefined || n === null ? '–' : numbers.format(n));

  // Times are shown in UTC, as partition keys are: one clock everywhere on the page.
  S.time = iso => {
    if (!iso) return '–';
    const d = new Date(iso);
    return isNaN(d) || d.getUTCFullYear() < 1971 ? '–' : d.toISOString().replace('T', ' ').slice(0, 19) + 'Z';
  };

  S.duration = (start, end) => {
    if (!start || !end) return '–';
    const ms = new Date(end) - new Date(start);
    if (ms < 1000) return `${ms} ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
    return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
  };

  S.states = {
    upToDate: { label: 'up to date', hint: 'every partition is built from its current inputs' },
    stale: { label: 'stale', hint: 'a run would rebuild some partitions' },
    running: { label: 'running', hint: 'a run is building it now' },
    failed: { label: 'failed', hint: 'a partition failed; the next run retries it' },
    held: { label: 'held', hint: 'a failing check holds a partition; downstream waits' },
  };

  S.stateBadge = state => h('span', { class: `badge state-${state}`, title: (S.states[state] || {}).hint }, (S.states[state] || { label: state }).label);

  S.runStatusBadge = status => h('span', { class: `badge run-${String(status).toLowerCase()}` }, status);

  S.layerBadge = layer => h('span', { class: `layer layer-${layer}` }, layer);

  S.reasons = {
    newData: 'new data', inputChanged: 'input changed', sqlChanged: 'SQL changed', definitionChanged: 'definition changed',
    loadSpecChanged: 'load spec changed', forced: 'forced', previouslyFailed: 'previously failed',
    upstreamStale: 'upstream stale', pending: 'pending',
  };

  S.reason = r => S.reasons[r] || r;

  // In-app links: hash routes only, so the API key (kept in sessionStorage) never appears in them.
  S.links = {
    pipelines: () => '#/',
    pipeline: p => `#/pipelines/${enc(p)}`,
    dataset: (p, d) => `#/pipelines/${enc(p)}/datasets/${enc(d)}`,
    plan: p => `#/pipelines/${enc(p)}/plan`,
    runs: p => `#/pipelines/${enc(p)}/runs`,
    run: (p, id) => `#/pipelines/${enc(p)}/runs/${enc(id)}`,
    quality: p => `#/pipelines/${enc(p)}/quality`,
    lineage: (d, k) => `#/lineage/${enc(d)}/${enc(k)}`,
    raw: (source, sha) => `#/raw/${enc(source)}/${enc(sha)}`,
  };

  S.stat = (label, value) => h('div', { class: 'stat' }, h('div', { class: 'stat-value' }, value), h('div', { class: 'stat-label' }, label));

  S.table = (headers, rows, cls) => h('table', { class: cls || 'data' },
    h('thead', {}, h('tr', {}, headers.map(x => h('th', {}, x)))),
    h('tbody', {}, rows));

  S.section = (title, ...children) => h('section', { class: 'panel' }, h('h2', {}, title), children);

  S.empty = text => h('p', { class: 'muted' }, text);
})();
