// A run's live progress, from GET /api/runs/{id}: runtime status, the layer it is in, and per
// source and dataset the partitions planned and done (the workflow's custom status), then its summary.
'use strict';
(() => {
  const S = window.Strata;
  const { h } = S;
  const LIVE = ['Pending', 'Running'];

  function bar(p) {
    const done = (p.built || 0) + (p.unchanged || 0) + (p.skipped || 0) + (p.failed || 0);
    const total = Math.max(p.planned || 0, done);
    const pct = total ? Math.round((100 * done) / total) : 100;
    return h('div', { class: 'bar', title: `${done} of ${total}` }, h('div', { class: `bar-fill${p.failed ? ' bar-failed' : ''}`, style: `width:${pct}%` }));
  }

  S.progressView = instance => {
    const custom = instance.customStatus || {};
    const summary = instance.output;
    const datasets = Object.entries(custom.datasets || {});
    return h('div', { class: 'progress', 'data-status': instance.runtimeStatus },
      h('div', { class: 'progress-head' },
        S.runStatusBadge(instance.runtimeStatus),
        summary && summary.status ? S.runStatusBadge(summary.status) : null,
        h('span', {}, ` ${custom.runId || (summary && summary.runId) || instance.instanceId}`),
        LIVE.includes(instance.runtimeStatus) && custom.layer ? h('span', { class: 'muted' }, ` · layer: ${custom.layer}`) : null,
        h('span', { class: 'muted' }, ` · updated ${S.time(instance.lastUpdatedTime)}`)),
      datasets.length
        ? S.table(['source / dataset', 'progress', 'planned', 'built', 'unchanged', 'up to date', 'failed'],
          datasets.map(([name, p]) => h('tr', { 'data-dataset': name }, h('td', {}, name), h('td', {}, bar(p)),
            h('td', { class: 'n' }, S.num(p.planned)), h('td', { class: 'n' }, S.num(p.built)), h('td', { class: 'n' }, S.num(p.unchanged)),
            h('td', { class: 'n' }, S.num(p.skipped)), h('td', { class: 'n' }, S.num(p.failed)))))
        : S.empty(LIVE.includes(instance.runtimeStatus) ? 'Planning…' : 'No progress reported.'));
  };

  // Polls a run until it is no longer pending or running; calls draw(instance) on every answer.
  S.follow = async (instanceId, draw, signal) => {
    for (;;) {
      const instance = await S.api(`runs/${S.enc(instanceId)}`, { signal });
      if (signal && signal.aborted) return instance;
      draw(instance);
      if (!LIVE.includes(instance.runtimeStatus)) return instance;
      await S.sleep(600, signal);
      if (signal && signal.aborted) return instance;
    }
  };

  S.isLive = status => LIVE.includes(status);
})();
