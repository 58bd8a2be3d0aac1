// Dataset: a source's or dataset's totals, its partition grid (a calendar), and what is stale or failed there.
'use strict';
(() => {
  const S = window.Strata;
  const { h, enc } = S;

  function detail(p, d, key, info, panel, signal) {
    S.fill(panel, h('h3', {}, key), S.empty('Loading…'));
    const base = `pipelines/${enc(p)}/datasets/${enc(d)}`;
    S.api(`${base}/partitions?from=${enc(key)}&to=${enc(key)}&limit=1`, { signal }).then(({ partitions }) => {
      const c = partitions[0];
      S.fill(panel,
        h('h3', {}, key),
        c ? h('dl', { class: 'facts-list' },
          h('dt', {}, 'rows'), h('dd', {}, S.num(c.rows)),
          h('dt', {}, 'committed'), h('dd', {}, S.time(c.committedAt)),
          h('dt', {}, 'run'), h('dd', {}, h('a', { href: S.links.run(p, c.runId) }, c.runId)),
          h('dt', {}, 'schema'), h('dd', {}, c.schemaVersion ? `v${c.schemaVersion}` : '–'),
          h('dt', {}, 'output'), h('dd', { class: 'path' }, c.output),
          c.extra.length ? [h('dt', {}, 'also'), h('dd', { class: 'path' }, c.extra.join('\n'))] : null,
          h('dt', {}, 'output hash'), h('dd', { class: 'path' }, c.outputHash))
          : S.empty('Not committed.'),
        info.stale ? h('p', {}, S.stateBadge('stale'), ` ${S.reason(info.stale.reason)}: ${info.stale.detail}`) : null,
        info.failure ? h('div', { class: 'error' }, h('strong', {}, `failed in ${info.failure.runId}: `), info.failure.error) : null,
        c ? h('a', { class: 'button', href: S.links.lineage(d, key) }, 'Lineage →') : null);
    }).catch(e => S.fill(panel, S.errorBox(e)));
  }

  function state(view) {
    return view.failures.length ? 'failed' : view.staleCount || view.unparsedBlobs.length ? 'stale' : 'upToDate';
  }

  function stats(p, view) {
    return [
      S.stat('partitions', S.num(view.partitions)),
      S.stat('rows', S.num(view.rows)),
      S.stat('stale', S.num(view.staleCount)),
      S.stat('failed', S.num(view.failures.length)),
      view.schemaVersion ? S.stat('schema', `v${view.schemaVersion}`) : null,
      S.stat('last run', view.lastRunId ? h('a', { href: S.links.run(p, view.lastRunId) }, view.lastRunId) : '–'),
      S.stat('updated', S.time(view.updatedAt))];
  }

  function facts(p, view) {
    return [
      h('span', {}, `key ${view.partitionKey}${view.grain ? ` (${view.grain}, UTC)` : ''}`),
      view.inputs.length ? h('span', {}, 'reads ', view.inputs.map((i, n) => [n ? ', ' : '', h('a', { href: S.links.dataset(p, i.from) }, i.from), ` (${i.mapping})`])) : null,
      view.readers.length ? h('span', {}, 'read by ', view.readers.map((r, n) => [n ? ', ' : '', h('a', { href: S.links.dataset(p, r) }, r)])) : null];
  }

  function lists(view) {
    return [
      view.pending ? h('p', { class: 'note' }, view.pending) : null,
      view.failures.length ? S.section('Failed partitions', S.table(['partition', 'run', 'failed at', 'error'],
        view.failures.map(f => h('tr', {}, h('td', {}, f.partition), h('td', {}, f.runId), h('td', {}, S.time(f.failedAt)), h('td', { class: 'wrap' }, f.error))))) : null,
      view.staleCount ? S.section(`Stale: ${S.num(view.staleCount)} partition${view.staleCount === 1 ? '' : 's'} a run would rebuild`,
        S.table(['partition', 'reason', 'detail'], view.stale.map(s => h('tr', {}, h('td', {}, s.partition), h('td', {}, S.reason(s.reason)), h('td', { class: 'wrap' }, s.detail)))),
        view.staleCount > view.stale.length ? S.empty(`The first ${S.num(view.stale.length)} are listed; the plan has them all.`) : null) : null,
      view.unparsedBlobs.length ? S.section('Raw blobs not parsed yet', h('ul', { class: 'paths' }, view.unparsedBlobs.map(b => h('li', { class: 'path' }, b)))) : null];
  }

  // The grid is drawn from its first page of partitions; the overview (totals, and the plan's
  // stale partitions, which take longer to work out) fills in around it when it comes.
  async function page(params, main, signal) {
    const { pipeline: p, dataset: d } = params;
    const base = `pipelines/${enc(p)}/datasets/${enc(d)}`;
    const fetchPage = (from, limit) => S.api(`${base}/grid?limit=${limit}${from ? `&from=${enc(from)}` : ''}`, { signal });
    const overview = S.api(base, { signal });
    overview.catch(() => {});
    const first = await fetchPage(null, S.gridFirstLimit);
    const panel = h('aside', { class: 'panel detail' }, S.empty('Select a partition.'));
    const grid = S.partitionGrid(first, fetchPage, (key, info) => detail(p, d, key, info, panel, signal));
    const title = h('h1', {}, d);
    const statsBox = h('div', { class: 'stats' }, S.empty('Reading totals and the plan…'));
    const factsBox = h('p', { class: 'facts' });
    const listsBox = h('div', {});
    S.fill(main,
      h('div', { class: 'page-head' }, title, h('span', { class: 'spacer' }),
        h('a', { class: 'button', href: S.links.pipeline(p) }, `← ${p}`),
        h('a', { class: 'button', href: S.links.plan(p) }, 'Plan')),
      statsBox, factsBox,
      h('div', { class: 'split' }, S.section('Partitions', grid), panel),
      listsBox);
    const view = await overview;
    grid.overview(view);
    S.fill(title, d, ' ', S.layerBadge(view.layer), ' ', S.stateBadge(state(view)));
    S.fill(statsBox, stats(p, view));
    S.fill(factsBox, facts(p, view));
    S.fill(listsBox, lists(view));
  }

  S.route('pipelines/:pipeline/datasets/:dataset', page);
})();
