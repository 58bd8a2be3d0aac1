// Runs: a pipeline's history, a running run live (per layer and dataset), and one run's summary.
'use strict';
(() => {
  const S = window.Strata;
  const { h, enc } = S;
  const LIMIT = 50;

  const sum = (run, f) => (run.summary ? run.summary.datasets.reduce((a, d) => a + (d[f] || 0), 0) : null);

  function historyTable(p, runs, selected) {
    return S.table(['run', 'status', 'trigger', 'started (UTC)', 'took', 'built', 'unchanged', 'up to date', 'failed', 'rows written', 'quarantined'],
      runs.map(r => h('tr', { class: r.runId === selected ? 'selected' : null, 'data-run': r.runId },
        h('td', {}, h('a', { href: S.links.run(p, r.runId) }, r.runId)),
        h('td', {}, S.runStatusBadge(r.status), r.force ? h('span', { class: 'muted' }, ' forced') : null),
        h('td', {}, r.trigger),
        h('td', {}, S.time(r.startedAt)),
        h('td', { class: 'n' }, S.duration(r.startedAt, r.endedAt)),
        ['built', 'unchanged', 'skipped', 'failed', 'rowsWritten', 'rowsQuarantined'].map(f => h('td', { class: 'n' }, S.num(sum(r, f)))))));
  }

  function runDetail(run) {
    const s = run.summary;
    const drift = s ? s.datasets.flatMap(d => d.driftEvents.map(e => `${d.dataset}: ${e}`)) : [];
    const failures = s ? s.datasets.flatMap(d => d.failures.map(f => `${d.dataset} ${f}`)) : [];
    return S.section(`Run ${run.runId}`,
      h('p', { class: 'facts' }, S.runStatusBadge(run.status), h('span', {}, `trigger ${run.trigger}`),
        h('span', {}, `started ${S.time(run.startedAt)}`), h('span', {}, `took ${S.duration(run.startedAt, run.endedAt)}`),
        s ? h('span', {}, `landing: ${s.landing.landed} landed, ${s.landing.duplicates} duplicates, ${s.landing.unowned} unowned`) : null),
      run.error ? h('div', { class: 'error' }, run.error) : null,
      s && s.refused ? h('p', { class: 'note' }, `Refused: run ${s.refused.runId} held the pipeline.`) : null,
      s ? S.table(['source / dataset', 'layer', 'blobs parsed', 'built', 'unchanged', 'up to date', 'failed', 'rows in', 'rows written', 'quarantined'],
        s.datasets.map(d => h('tr', {}, h('td', {}, h('a', { href: S.links.dataset(run.pipeline, d.dataset) }, d.dataset)), h('td', {}, S.layerBadge(d.layer)),
          ['blobsParsed', 'built', 'unchanged', 'skipped', 'failed', 'rowsIn', 'rowsWritten', 'rowsQuarantined'].map(f => h('td', { class: 'n' }, S.num(d[f]))))))
        : S.empty('No summary yet: the run has not finished.'),
      drift.length ? [h('h3', {}, 'Schema drift'), h('ul', {}, drift.map(e => h('li', {}, e)))] : null,
      failures.length ? [h('h3', {}, 'Failures'), h('ul', { class: 'errors' }, failures.map(e => h('li', {}, e)))] : null);
  }

  async function page({ pipeline: p, run: selected }, main, signal) {
    const live = h('div', { class: 'live' });
    const body = h('div', {});
    async function show() {
      const history = await S.api(`pipelines/${enc(p)}/runs?limit=${LIMIT}`, { signal });
      const chosen = selected && history.runs.find(r => r.runId === selected);
      S.fill(body,
        selected && !chosen ? S.empty(`${selected} is not among the last ${LIMIT} runs.`) : null,
        chosen ? runDetail(chosen) : null,
        S.section('History', history.runs.length ? historyTable(p, history.runs, selected) : S.empty('No runs yet.')));
      return history;
    }

    const history = await show();
    S.fill(main, h('div', { class: 'page-head' }, h('h1', {}, `Runs: ${p}`), h('span', { class: 'spacer' }),
      h('a', { class: 'button', href: S.links.plan(p) }, 'Plan and run')), live, body);
    if (history.activeRunId) followLive(p, history.activeRunId, live, show, signal);
  }

  // Follows the running run without holding up the page; refreshes the history when it ends.
  async function followLive(p, runId, live, show, signal) {
    try {
      await S.follow(`pipeline-${p}`, instance => S.fill(live, S.section('Running now', S.progressView(instance))), signal);
      if (!signal.aborted) await show();
    } catch (e) {
      if (signal.aborted) return;
      // Another host (a strata run on the same lake) holds the run: its progress lives there.
      S.fill(live, e.status === 404 ? h('p', { class: 'note' }, `${runId} is running in another process; its summary appears here when it ends.`) : S.errorBox(e));
    }
  }

  S.route('pipelines/:pipeline/runs', page);
  S.route('pipelines/:pipeline/runs/:run', page);
})();
