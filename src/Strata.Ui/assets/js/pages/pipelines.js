// Pipelines: every pipeline's graph, coloured by state, with its last run and schedule.
'use strict';
(() => {
  const S = window.Strata;
  const { h } = S;

  function card(p, graph) {
    const last = p.lastRun;
    return h('section', { class: 'panel pipeline', 'data-pipeline': p.name },
      h('div', { class: 'panel-head' },
        h('h2', {}, h('a', { href: S.links.pipeline(p.name) }, p.name)),
        p.activeRunId ? h('span', { class: 'badge state-running' }, `running ${p.activeRunId}`) : null,
        p.dirty ? h('span', { class: 'badge state-stale', title: 'new data arrived; a run will pick it up' }, 'dirty') : null,
        h('span', { class: 'spacer' }),
        h('a', { class: 'button', href: S.links.plan(p.name) }, 'Plan'),
        h('a', { class: 'button', href: S.links.runs(p.name) }, 'Runs'),
        h('a', { class: 'button', href: S.links.quality(p.name) }, 'Quarantine & drift')),
      p.description ? h('p', { class: 'muted' }, p.description) : null,
      h('div', { class: 'facts' },
        h('span', {}, `${p.sources} sources · ${p.datasets} datasets`),
        last ? h('span', {}, 'last run ', h('a', { href: S.links.run(p.name, last.runId) }, last.runId), ' ', S.runStatusBadge(last.status), ` ${S.time(last.startedAt)}`) : h('span', {}, 'never run'),
        p.schedule ? h('span', {}, `schedule ${p.schedule.cron} (UTC), next ${S.time(p.schedule.nextDue)}`) : null),
      h('div', { class: 'graph-wrap' }, S.graph(graph, n => { location.hash = S.links.dataset(p.name, n.name); })));
  }

  async function page(params, main, signal) {
    const { pipelines } = await S.api('pipelines', { signal });
    const shown = params.pipeline ? pipelines.filter(p => p.name === params.pipeline) : pipelines;
    if (params.pipeline && shown.length === 0) throw new S.ApiError(404, { message: `no pipeline named '${params.pipeline}'` });
    const graphs = await Promise.all(shown.map(p => S.api(`pipelines/${S.enc(p.name)}/graph`, { signal })));
    S.fill(main,
      h('div', { class: 'page-head' }, h('h1', {}, params.pipeline ? `Pipeline ${params.pipeline}` : 'Pipelines'), S.legend()),
      shown.length ? shown.map((p, i) => card(p, graphs[i])) : S.empty('No pipelines: add a folder with a pipeline.yaml under pipelines/.'));
  }

  S.route('', page);
  S.route('pipelines/:pipeline', page);
})();
