// Quarantine and drift: quarantined rows with reason, raw blob and line; semantic drift events
// (profiles against their history); every source's schema versions with the drift events that made them.
'use strict';
(() => {
  const S = window.Strata;
  const { h, enc } = S;
  const PAGE = 100;

  function versions(source) {
    if (!source.versions.length) return h('div', { class: 'panel' }, h('h3', {}, source.source), S.empty('No file loaded yet.'));
    const current = source.versions[source.versions.length - 1];
    const added = new Map(source.versions.map((v, i) => [v.version, new Set(i ? v.schema.columns.map(c => c.name).filter(n => !source.versions[i - 1].schema.columns.some(c => c.name === n)) : [])]));
    return h('div', { class: 'panel', 'data-source': source.source },
      h('div', { class: 'panel-head' }, h('h3', {}, source.source), h('span', { class: 'badge' }, `schema v${source.current}`)),
      h('p', { class: 'columns-list' }, current.schema.columns.map(c => h('span', { class: `col${added.get(current.version).has(c.name) ? ' col-new' : ''}` },
        h('strong', {}, c.name), ` ${c.type}${c.nullable ? '' : ' not null'}`))),
      S.table(['version', 'created (UTC)', 'run', 'caused by', 'drift events'], [...source.versions].reverse().map(v => h('tr', {},
        h('td', {}, `v${v.version}`), h('td', {}, S.time(v.createdAt)), h('td', {}, v.runId), h('td', { class: 'path', title: v.cause || '' }, v.cause ? v.cause.split('/').pop() : '–'),
        h('td', { class: 'wrap' }, v.driftEvents.length ? h('ul', { class: 'drift' }, v.driftEvents.map(e => h('li', {}, e))) : h('span', { class: 'muted' }, v.version === 1 ? 'first schema' : '–'))))));
  }

  function dataDrift(events) {
    if (!events.length) return S.empty('No semantic drift found in the partitions built so far.');
    return S.table(['source / dataset', 'partition', 'kind', 'column', 'expected', 'seen', 'severity', 'run'], events.map(e => h('tr', { class: `drift-${e.severity}` },
      h('td', {}, e.dataset), h('td', {}, e.partition), h('td', {}, e.kind), h('td', {}, e.column || '–'),
      h('td', { class: 'wrap' }, e.expected), h('td', { class: 'wrap' }, e.seen), h('td', {}, e.severity), h('td', {}, e.runId))));
  }

  async function page({ pipeline: p }, main, signal) {
    const [schemas, first] = await Promise.all([S.api(`pipelines/${enc(p)}/schemas`, { signal }), S.api(`pipelines/${enc(p)}/quarantine?limit=${PAGE}`, { signal })]);
    const body = h('tbody', {});
    const more = h('button', {}, 'Load more');
    let next = first.next;
    const add = page => body.append(...page.records.map(r => h('tr', {},
      h('td', {}, r.source), h('td', { class: 'path' }, h('a', { href: S.links.raw(r.source, r.rawBlob.split('/').pop().split('-')[0]) }, r.rawBlob)),
      h('td', { class: 'n' }, r.line || 'file'), h('td', { class: 'wrap' }, r.reason), h('td', { class: 'raw-text' }, r.raw || ''))));
    add(first);
    more.hidden = !next;
    more.addEventListener('click', async () => {
      more.disabled = true;
      const pageOf = await S.api(`pipelines/${enc(p)}/quarantine?limit=${PAGE}&page=${enc(next)}`, { signal });
      add(pageOf);
      next = pageOf.next;
      more.hidden = !next;
      more.disabled = false;
    });
    S.fill(main,
      h('div', { class: 'page-head' }, h('h1', {}, `Quarantine and drift: ${p}`)),
      S.section('Quarantined rows',
        first.records.length ? h('table', { class: 'data quarantine' },
          h('thead', {}, h('tr', {}, ['source', 'raw blob', 'line', 'reason', 'raw text'].map(x => h('th', {}, x)))), body) : S.empty('Nothing quarantined under the current load specs.'),
        more),
      S.section('Semantic drift', dataDrift(schemas.dataDrift || [])),
      h('h2', { class: 'section-title' }, 'Schema versions and drift'),
      h('div', { class: 'schemas' }, schemas.sources.map(versions)));
  }

  S.route('pipelines/:pipeline/quality', page);
})();
