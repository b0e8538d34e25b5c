// app.js — entry point and router. Views live at query-string URLs on `/`
// (`/?view=search&q=…`, `/?view=article&id=…`, …) so a reload always reaches index.html.
// In-app link clicks become pushState navigations, popstate re-renders, and each render gets
// an AbortSignal that is aborted when the user moves on, so a late answer never paints over a
// newer view. A view module exports render(root, params, ctx) and optionally update(params)
// (same view, new parameters: the search box keeps its focus).

import { clear, h } from './dom.js?v=__ASSET_VERSION__';
import * as search from './search.js?v=__ASSET_VERSION__';
import * as article from './article.js?v=__ASSET_VERSION__';
import * as entity from './entity.js?v=__ASSET_VERSION__';
import * as quotes from './quotes.js?v=__ASSET_VERSION__';
import * as timeline from './timeline.js?v=__ASSET_VERSION__';
import * as corpus from './corpus.js?v=__ASSET_VERSION__';

const VIEWS = { search, article, entity, quotes, timeline, corpus };
const NAV = { search: 'nav-search', quotes: 'nav-quotes', timeline: 'nav-timeline', corpus: 'nav-corpus' };

const main = document.getElementById('main');
const statusEl = document.getElementById('status');
let current = { key: null, name: null, mod: null, ctrl: null };

function locationKey() {
  return location.pathname + location.search;
}

const ctx = {
  status(text) { statusEl.textContent = text; },
  navigate(href, { replace = false } = {}) {
    history[replace ? 'replaceState' : 'pushState'](null, '', href);
    route({ focus: true, scroll: !replace });
  },
  /** Changes the URL without re-rendering (the view already shows it). */
  replaceUrl(href) {
    if (href === locationKey()) return;
    history.replaceState(null, '', href);
    current.key = locationKey();
  },
  setTitle(text) { document.title = text ? `${text} — Broadsheet Explorer` : 'Broadsheet Explorer'; },
};

function markNav(name) {
  for (const [view, id] of Object.entries(NAV)) {
    const a = document.getElementById(id);
    if (view === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function route({ focus = false, scroll = false } = {}) {
  const key = locationKey();
  if (key === current.key) return; // e.g. a popstate for an in-page #fragment
  current.key = key;
  const params = Object.fromEntries(new URLSearchParams(location.search));
  const name = Object.hasOwn(VIEWS, params.view || 'search') ? (params.view || 'search') : null;
  markNav(name);
  if (name && name === current.name && current.mod.update) {
    if (scroll) window.scrollTo(0, 0);
    current.mod.update(params);
    return;
  }
  if (current.ctrl) current.ctrl.abort();
  const ctrl = new AbortController();
  current = { key, name, mod: name ? VIEWS[name] : null, ctrl };
  clear(main);
  if (scroll) window.scrollTo(0, 0);
  if (!name) {
    ctx.setTitle('Not found');
    main.append(h('h1', { tabindex: '-1' }, 'No such page'),
      h('p', {}, 'This address names no view. ', h('a', { href: '/' }, 'Go to search'), '.'));
    return;
  }
  try {
    await current.mod.render(main, params, { ...ctx, signal: ctrl.signal });
  } catch (err) {
    if (ctrl.signal.aborted) return;
    main.append(h('div', { class: 'error', role: 'alert' }, `Something went wrong: ${err && err.message}`));
  }
  if (ctrl.signal.aborted) return;
  if (focus && !main.contains(document.activeElement)) {
    const heading = main.querySelector('h1');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: !scroll }); }
  }
  const target = location.hash && document.getElementById(location.hash.slice(1));
  if (target) target.scrollIntoView();
}

document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest && e.target.closest('a[href]');
  if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
  const to = new URL(a.href, location.href);
  if (to.origin !== location.origin || to.pathname !== '/') return;
  if (to.search === location.search && to.hash) return; // same view, in-page anchor
  e.preventDefault();
  ctx.navigate(to.pathname + to.search + to.hash);
});

window.addEventListener('popstate', () => route({ focus: true }));

route();
