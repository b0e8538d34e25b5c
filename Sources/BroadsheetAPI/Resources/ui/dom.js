// dom.js — element-building helpers. Text always goes in as text nodes (textContent /
// createTextNode); nothing here parses markup. Also the in-app URL builder and small shared
// pieces: dates, error boxes, pagers, entity-type chips.

/**
 * h('a', { href, class: 'x', text: 'label', dataset: {...}, onclick: fn }, ...children)
 * Children: strings (as text), Nodes, arrays, null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

/** Appends strings (as text nodes), nodes and nested arrays; skips null, undefined, false. */
export function append(parent, children) {
  for (const c of [].concat(children)) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return parent;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** The in-app URL of a view: `/?view=NAME&...` (empty params left out). */
export function url(view, params = {}) {
  const sp = new URLSearchParams({ view });
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '' && v !== 0) sp.set(k, String(v));
  }
  return `/?${sp}`;
}

export function entityLink(ref, attrs = {}) {
  return h('a', { ...attrs, href: url('entity', { id: ref.id }), class: `ent-link ent-${ref.type || 'other'} ${attrs.class || ''}`.trim() }, ref.name || ref.id);
}

/** A <time> for `YYYY-MM-DD` (or any shorter ISO date); null for no date. */
export function dateEl(iso) {
  if (!iso) return null;
  let text = iso;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    text = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  }
  return h('time', { datetime: iso }, text);
}

/** "a · b · c" from the non-empty pieces (strings or nodes). */
export function joined(pieces, sep = ' · ') {
  const out = [];
  for (const p of pieces) {
    if (p === null || p === undefined || p === '' || (Array.isArray(p) && !p.length)) continue;
    if (out.length) out.push(sep);
    out.push(p);
  }
  return out;
}

export function chip(type) {
  return h('span', { class: `chip chip-${type}` }, type);
}

/** A visible error message for a failed request (ApiError or anything else). */
export function errorBox(err, what = 'The request failed') {
  const title = err && err.title ? err.title : what;
  const detail = err && err.title ? err.detail : (err && err.message) || '';
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, title), detail ? h('span', {}, ` — ${detail}`) : null);
}

export function note(text, cls = 'note') {
  return h('p', { class: cls }, text);
}

/** Previous/next links for a page `{ total, limit, offset }`; `hrefAt(offset)` makes each URL. */
export function pager(page, hrefAt, label = 'Pages') {
  const { total, limit, offset } = page;
  if (!total || total <= limit) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  const prev = offset > 0
    ? h('a', { class: 'pager-prev', href: hrefAt(Math.max(0, offset - limit)), rel: 'prev' }, '← Previous')
    : h('span', { class: 'pager-prev disabled', 'aria-hidden': 'true' }, '← Previous');
  const next = to < total
    ? h('a', { class: 'pager-next', href: hrefAt(offset + limit), rel: 'next' }, 'Next →')
    : h('span', { class: 'pager-next disabled', 'aria-hidden': 'true' }, 'Next →');
  return h('nav', { class: 'pager', 'aria-label': label },
    prev, h('span', { class: 'pager-range' }, `${from}–${to} of ${total.toLocaleString('en')}`), next);
}

export function plural(n, one, many = `${one}s`) {
  return `${Number(n).toLocaleString('en')} ${n === 1 ? one : many}`;
}
