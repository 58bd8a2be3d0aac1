// Plan: what a run would rebuild now and why, per partition; Run starts one and follows it live.
'use strict';
(() => {
  const S = window.Strata;
  const { h, enc } = S;
  const SHOWN = 200;

  const busy = d => d.partitions.length || d.unparsedBlobs.length || d.pending;

  function reasonsOf(d) {
    const reasons = {};
    for (const item of d.partitions) reasons[item.reason] = (reasons[item.reason] || 0) + 1;
    return Object.entries(reasons).map(([r, n]) => `${S.reason(r)} ${S.num(n)}`).join(', ');
  }

  // One line per source and dataset, then the stale partitions of each with their reason.
  function overview(p, plan) {
    return S.section('Sources and datasets', S.table(['source / dataset', 'layer', 'state', 'to rebuild', 'why'],
      plan.datasets.map(d => h('tr', { 'data-dataset': d.dataset },
        h('td', {}, h('a', { href: S.links.dataset(p, d.dataset) }, d.dataset)), h('td', {}, S.layerBadge(d.layer)),
        h('td', {}, S.stateBadge(busy(d) ? 'stale' : 'upToDate')), h('td', { class: 'n' }, S.num(d.partitions.length)),
        h('td', { class: 'wrap' }, [reasonsOf(d), d.unparsedBlobs.length ? `${d.unparsedBlobs.length} raw blob(s) to parse` : null].filter(Boolean).join('; ') || '–')))));
  }

  function datasetPlan(p, d) {
    const count = d.partitions.length;
    const rows = d.partitions.slice(0, SHOWN).map(i => h('tr', { 'data-partition': i.partition },
      h('td', {}, i.partition), h('td', {}, h('span', { class: `reason reason-${i.reason}` }, S.reason(i.reason))), h('td', { class: 'wrap' }, i.detail)));
    return h('section', { class: 'panel', 'data-plan': d.dataset },
      h('div', { class: 'panel-head' },
        h('h2', {}, h('a', { href: S.links.dataset(p, d.dataset) }, d.dataset)), S.layerBadge(d.layer),
        h('span', { class: 'spacer' }),
        h('span', { class: 'muted' }, `${S.num(count)} to rebuild${d.upToDate ? ` · ${S.num(d.upToDate)} checked and up to date` : ''}`)),
      d.pending ? h('p', { class: 'note' }, d.pending) : null,
      d.unparsedBlobs.length ? h('div', {}, h('p', {}, `${d.unparsedBlobs.length} raw blob${d.unparsedBlobs.length === 1 ? '' : 's'} to parse first:`),
        h('ul', { class: 'paths' }, d.unparsedBlobs.map(b => h('li', { class: 'path' }, b)))) : null,
      count ? S.table(['partition', 'reason', 'detail'], rows) : null,
      count > SHOWN ? S.empty(`… and ${S.num(count - SHOWN)} more.`) : null);
  }

  async function page({ pipeline: p }, main, signal) {
    const planBox = h('div', {});
    const live = h('div', { class: 'live' });
    const force = h('input', { type: 'checkbox', id: 'force' });
    const button = h('button', { class: 'primary', id: 'run' }, 'Run');

    async function showPlan() {
      const plan = await S.api(`pipelines/${enc(p)}/plan`, { signal });
      S.fill(planBox,
        plan.nothingStale ? h('p', { class: 'ok', id: 'nothing-stale' }, 'Nothing is stale: a run now would build nothing.') : null,
        plan.schedule ? h('p', { class: 'muted' }, `Schedule ${plan.schedule.cron} (UTC); next run due ${S.time(plan.schedule.nextDue)}.`) : null,
        overview(p, plan),
        plan.datasets.filter(busy).map(d => datasetPlan(p, d)));
    }

    async function follow(id) {
      button.disabled = true;
      S.fill(live, S.section('Run', S.empty('Starting…')));
      const end = await S.follow(id, instance => S.fill(live, S.section('Run', S.progressView(instance))), signal);
      button.disabled = false;
      if (!signal.aborted && end) await showPlan();
    }

    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const started = await S.api(`pipelines/${enc(p)}/runs`, { method: 'POST', body: { force: force.checked }, signal });
        await follow(started.id);
      } catch (e) {
        if (!signal.aborted) S.fill(live, S.errorBox(e));
        button.disabled = false;
      }
    });

    await showPlan();
    S.fill(main,
      h('div', { class: 'page-head' }, h('h1', {}, `Plan: ${p}`), h('span', { class: 'spacer' }),
        h('label', { class: 'check', for: 'force' }, force, ' force (rebuild everything)'), button),
      live, planBox);

    // A run already holding the pipeline is followed too. Its instance id is the pipeline's (runs never overlap).
    const history = await S.api(`pipelines/${enc(p)}/runs?limit=1`, { signal });
    if (history.activeRunId) follow(`pipeline-${p}`).catch(e => { if (!signal.aborted) S.fill(live, S.errorBox(e)); });
  }

  S.route('pipelines/:pipeline/plan', page);
})();
