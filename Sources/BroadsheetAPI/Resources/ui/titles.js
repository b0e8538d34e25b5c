// titles.js — article titles for links to articles. Quotes and events carry their article's
// `documentTitle`; for lists that carry only a `documentId` (entity mentions) a title is fetched
// once per id with the cheapest call that returns it (a `document:<id>` search without passages)
// and cached; links show the id until the title arrives.

import { api } from './api.js?v=__ASSET_VERSION__';
import { h, url } from './dom.js?v=__ASSET_VERSION__';

const cache = new Map();

export function remember(id, title) {
  if (id && title) cache.set(id, Promise.resolve(title));
}

export function titleOf(id) {
  if (!cache.has(id)) {
    const p = api('/v1/search', { q: `document:${id}`, passages: 0, limit: 1 })
      .then((r) => (r.data[0] && r.data[0].title) || id)
      .catch(() => { cache.delete(id); return id; });
    cache.set(id, p);
  }
  return cache.get(id);
}

/** A link to an article (optionally to paragraph `p`) whose text becomes the title (`title` when known). */
export function articleLink(id, p, attrs = {}, title = undefined) {
  remember(id, title);
  const a = h('a', { ...attrs, href: url('article', { id, p }), class: `article-link ${attrs.class || ''}`.trim() }, id);
  titleOf(id).then((t) => { a.textContent = t; });
  return a;
}
