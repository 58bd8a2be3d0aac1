// The UI's core: the API key, calls to /api, the hash router and a tiny element builder.
// Plain scripts share one namespace (window.Strata) so there is no build step and no module loader.
'use strict';
window.Strata = (() => {
  const KEY = 'strata.key';

  // A key given once as ?code= is kept for this tab and taken out of the address bar, so links,
  // bookmarks and screenshots never carry it; every API call sends it as a header instead.
  const params = new URLSearchParams(location.search);
  if (params.has('code')) {
    sessionStorage.setItem(KEY, params.get('code'));
    params.delete('code');
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
  }

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || `HTTP ${status}`);
      this.status = status;
      this.body = body;
    }
  }

  async function api(path, options = {}) {
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    const key = sessionStorage.getItem(KEY);
    if (key) headers['x-functions-key'] = key;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch('/api/' + path, {
      method: options.method || 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  // h('a', {href: '#/', class: 'x', onclick: fn}, 'text', child, [children]): text is always text, never HTML.
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (name === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // Replaces a node's children; arrays are flattened and null, undefined and false are skipped.
  const fill = (node, ...children) => { node.replaceChildren(); return append(node, children); };

  const enc = encodeURIComponent;
  const routes = [];
  let current = null;

  // A route is a pattern like 'pipelines/:pipeline/plan' and a page: (params, main, signal) => Promise.
  function route(pattern, page) {
    const names = [];
    const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
    routes.push({ regex, names, page });
  }

  async function render() {
    const path = location.hash.replace(/^#\/?/, '');
    if (current) current.abort();
    const controller = new AbortController();
    current = controller;
    const main = document.getElementById('main');
    for (const r of routes) {
      const match = r.regex.exec(path);
      if (!match) continue;
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
      Strata.onNavigate(params);
      // data-loaded says when a page has drawn (tests and the benchmark wait on it); data-error when it failed.
      main.dataset.loaded = 'false';
      delete main.dataset.error;
      fill(main, h('p', { class: 'muted' }, 'Loading…'));
      try {
        await r.page(params, main, controller.signal);
      } catch (e) {
        if (controller.signal.aborted) return;
        fill(main, errorBox(e));
        main.dataset.error = 'true';
      }
      if (!controller.signal.aborted) {
        main.dataset.loaded = 'true';
        performance.mark('strata:page-loaded');
        Strata.onLoaded();
      }
      return;
    }
    fill(main, h('p', {}, 'No such page. ', h('a', { href: '#/' }, 'Pipelines')));
  }

  function errorBox(e) {
    const hint = e.status === 401 ? ' Open the UI once with ?code=<key> (the API key), then use its links.' : '';
    return h('div', { class: 'error' }, h('strong', {}, e.status ? `Error ${e.status}` : 'Error'), ' ', e.message + hint);
  }

  // Waits, unless the page was left.
  const sleep = (ms, signal) => new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    if (signal) signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

  return { api, h, append, fill, enc, route, render, errorBox, sleep, ApiError, onNavigate: () => {}, onLoaded: () => {} };
})();
