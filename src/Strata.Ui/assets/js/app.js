// Boot: the top navigation follows the pipeline in view; the router draws the page.
'use strict';
(() => {
  const S = window.Strata;
  const { h } = S;
  let pipelines = null;
  let owners = null;
  let current = sessionStorage.getItem('strata.pipeline');

  async function list() {
    pipelines = pipelines || (await S.api('pipelines')).pipelines;
    return pipelines;
  }

  // Which pipeline a source or dataset belongs to (lineage names datasets alone); asked once per visit.
  S.pipelineOf = async (dataset, signal) => {
    if (!owners) {
      owners = new Map();
      for (const p of await list()) {
        const graph = await S.api(`pipelines/${S.enc(p.name)}/graph`, { signal });
        graph.nodes.forEach(n => owners.set(n.name, p.name));
      }
    }
    return owners.get(dataset);
  };

  function drawNav(active) {
    const nav = document.getElementById('nav');
    const p = current;
    const tab = (label, href, key) => h('a', { href, class: key === active ? 'active' : null }, label);
    S.fill(nav,
      tab('Pipelines', '#/', 'pipelines'),
      p ? [tab('Plan', S.links.plan(p), 'plan'), tab('Runs', S.links.runs(p), 'runs'), tab('Quarantine & drift', S.links.quality(p), 'quality')] : null);
  }

  async function drawPicker() {
    const all = await list();
    if (!current && all.length) current = all[0].name;
    const picker = document.getElementById('pipeline-picker');
    if (all.length < 2) { S.fill(picker, current ? h('span', { class: 'muted' }, current) : ''); return; }
    const select = h('select', { 'aria-label': 'pipeline', onchange: ev => { current = ev.target.value; location.hash = S.links.pipeline(current); } },
      all.map(p => h('option', { value: p.name, selected: p.name === current }, p.name)));
    S.fill(picker, select);
  }

  S.onNavigate = params => {
    if (params.pipeline) {
      current = params.pipeline;
      sessionStorage.setItem('strata.pipeline', current);
    }
    const path = location.hash.replace(/^#\/?/, '');
    const active = /\/plan$/.test(path) ? 'plan' : /\/runs(\/|$)/.test(path) ? 'runs' : /\/quality$/.test(path) ? 'quality' : path === '' || /^pipelines\/[^/]+$/.test(path) ? 'pipelines' : null;
    drawNav(active);
    // The picker waits for the page: its call must not slow the page's own calls down.
    S.onLoaded = () => drawPicker().then(() => drawNav(active), () => {});
  };

  window.addEventListener('hashchange', S.render);
  S.render();
})();
