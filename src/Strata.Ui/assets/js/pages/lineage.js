// Lineage: from a partition up to the raw blobs it came from and down to every partition it
// feeds; every node links on. A raw blob's page shows its receipt and everything it reaches.
'use strict';
(() => {
  const S = window.Strata;
  const { h, enc } = S;

  async function page({ dataset: d, partition: k }, main, signal) {
    const [report, pipeline] = await Promise.all([S.api(`lineage/${enc(d)}/${enc(k)}`, { signal }), S.pipelineOf(d, signal)]);
    const focus = report.upstream;
    S.fill(main,
      h('div', { class: 'page-head' }, h('h1', {}, 'Lineage: ', d, ' ', h('span', { class: 'key' }, k)), h('span', { class: 'spacer' }),
        pipeline ? h('a', { class: 'button', href: S.links.dataset(pipeline, d) }, `${d} partitions`) : null),
      h('div', { class: 'focus panel' }, S.layerBadge(focus.layer), h('strong', {}, ` ${d} ${k}`),
        focus.note === 'not committed' ? h('span', { class: 'muted' }, ' — not committed') : h('span', { class: 'muted' }, ` — ${S.num(focus.rows)} rows`),
        focus.path ? h('div', { class: 'path' }, focus.path) : null),
      h('div', { class: 'columns' },
        S.section('Comes from (down to raw blobs)', h('div', { class: 'upstream' }, S.lineageTree(report.upstream, false))),
        S.section('Feeds', h('div', { class: 'downstream' }, S.lineageTree(report.downstream, false)))));
  }

  async function raw({ source, sha }, main, signal) {
    const view = await S.api(`raw/${enc(source)}/${enc(sha)}`, { signal });
    const r = view.receipt;
    S.fill(main,
      h('div', { class: 'page-head' }, h('h1', {}, 'Raw blob: ', r.originalName)),
      h('div', { class: 'panel raw-receipt' }, h('dl', { class: 'facts-list' },
        h('dt', {}, 'source'), h('dd', {}, source),
        h('dt', {}, 'landed as'), h('dd', { class: 'path' }, r.originalName),
        h('dt', {}, 'raw copy'), h('dd', { class: 'path' }, `raw/${r.rawPath}`),
        h('dt', {}, 'SHA-256'), h('dd', { class: 'path' }, r.sha256),
        h('dt', {}, 'size'), h('dd', {}, `${S.num(r.size)} bytes`),
        h('dt', {}, 'landed'), h('dd', {}, `${S.time(r.landedAt)} (ingest date ${r.ingestDate}, #${r.sequence} of its source)`))),
      S.section('Feeds (under the current load spec)', h('div', { class: 'downstream' }, S.lineageTree(view.downstream, false))));
  }

  S.route('lineage/:dataset/:partition', page);
  S.route('raw/:source/:sha', raw);
})();
