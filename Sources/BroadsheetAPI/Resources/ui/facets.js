// facets.js — the search view's side panel: for the query shown, the matching articles over
// time (/v1/timeseries, drawn by chart.js) and their top people, organisations and places
// (/v1/trends), each linking to its entity page, with a "+" that narrows the search to it.
// The search view calls show(q) only after its results have painted, so these requests never
// delay them, and pending(q) when it starts a search for another query, which drops the answers
// still on their way; each show() gets a number and an AbortController and only the latest may
// paint.

import { api, isAbort } from './api.js?v=__ASSET_VERSION__';
import { h, clear, url, plural, entityLink, note } from './dom.js?v=__ASSET_VERSION__';
import { loadSeries, barChart, hasBars } from './chart.js?v=__ASSET_VERSION__';

const FACETS = [['person', 'People'], ['organization', 'Organisations'], ['location', 'Places']];
const LIMIT = 8;
const MAX_QUERY = 500; // /v1/trends and /v1/timeseries take shorter queries than /v1/search

/** The entity ids a query already filters by (`entity:<id>`). */
function filteredEntities(q) {
  return new Set([...q.matchAll(/(?:^|[\s(])entity:([^\s()"]+)/g)].map((m) => m[1]));
}

export function facetPanel() {
  const summary = h('p', { id: 'facets-summary', class: 'facets-summary' });
  const histogram = h('div', { class: 'histogram-slot' });
  const lists = h('div', { id: 'facets', class: 'facets' });
  const el = h('aside', { id: 'search-side', class: 'search-side', 'aria-label': 'About these results', hidden: true },
    summary, histogram, lists);
  let seq = 0;
  let ctrl = null;
  let painted = null; // the query whose counts are shown
  let loading = null; // the query whose counts are on their way

  function visible(on) {
    el.hidden = !on;
    if (el.parentElement) el.parentElement.classList.toggle('has-side', on);
  }

  function abort() {
    seq++;
    if (ctrl) ctrl.abort();
    ctrl = null;
    loading = null;
  }

  /** Hides the panel (no query, no results, or a failed search). */
  function reset() {
    abort();
    painted = null;
    visible(false);
    clear(summary);
    clear(histogram);
    clear(lists);
    el.classList.remove('stale');
    el.removeAttribute('aria-busy');
  }

  /** A search for `q` starts: answers for another query are dropped, what is shown dimmed. */
  function pending(q) {
    if (loading !== null && loading !== q) abort();
    if (q !== painted && !el.hidden) el.classList.add('stale');
  }

  /** Shows the counts for `q` (whose results are on screen), fetching them unless shown or on their way. */
  async function show(q) {
    if (q === loading) return;
    if (q === painted) {
      abort();
      el.classList.remove('stale');
      el.removeAttribute('aria-busy');
      return;
    }
    if (q.length > MAX_QUERY) { reset(); return; }
    abort();
    loading = q;
    const my = seq;
    ctrl = new AbortController();
    const { signal } = ctrl;
    el.setAttribute('aria-busy', 'true');
    if (el.hidden) {
      clear(summary).append(note('Counting…', 'note loading'));
      visible(true);
    } else {
      el.classList.add('stale');
    }
    const answers = await Promise.allSettled([
      loadSeries({ q }, signal),
      ...FACETS.map(([facet]) => api('/v1/trends', { q, facet, limit: LIMIT }, { signal })),
    ]);
    if (my !== seq) return;
    ctrl = null;
    loading = null;
    painted = q;
    el.classList.remove('stale');
    el.removeAttribute('aria-busy');
    paint(q, answers);
  }

  function paint(q, [series, ...trends]) {
    clear(summary);
    clear(histogram);
    clear(lists);
    const ok = trends.filter((t) => t.status === 'fulfilled').map((t) => t.value);
    const head = ok[0] || (series.status === 'fulfilled' ? series.value : null);
    if (head) {
      summary.append(head.sampled
        ? `Counted over the top 1,000 matches (of ${plural(head.matched, 'article')}).`
        : `In ${plural(head.matched, 'matching article')}:`);
    }
    if (series.status === 'fulfilled' && hasBars(series.value)) {
      histogram.append(barChart(series.value, { id: 'histogram', caption: `Matching articles per ${series.value.interval}` }));
    }
    const skip = filteredEntities(q);
    FACETS.forEach(([facet, title], i) => {
      const t = trends[i];
      if (t.status !== 'fulfilled') return;
      const values = t.value.data.filter((v) => !skip.has(v.value));
      if (!values.length) return;
      lists.append(h('section', { class: `facet facet-${facet}`, 'aria-labelledby': `facet-${facet}-heading` },
        h('h2', { id: `facet-${facet}-heading` }, title),
        h('ul', { class: 'facet-list' }, values.map((v) => valueItem(q, v)))));
    });
    const failed = [series, ...trends].find((a) => a.status === 'rejected' && !isAbort(a.reason));
    if (failed && !ok.length) summary.append(note('The counts could not be loaded.'));
    visible(summary.hasChildNodes() && (histogram.hasChildNodes() || lists.hasChildNodes() || !!failed));
  }

  return { el, show, reset, pending, abort };
}

function valueItem(q, v) {
  const counts = `${plural(v.articles, 'article')}${v.entity ? `, ${plural(v.mentions, 'mention')}` : ''}`;
  return h('li', { class: 'facet-value', dataset: { value: v.value } },
    v.entity ? entityLink(v.entity, { class: 'facet-link' }) : h('span', { class: 'facet-name' }, v.name),
    ' ', h('span', { class: 'facet-count', title: counts }, v.articles.toLocaleString('en'),
      h('span', { class: 'visually-hidden' }, v.articles === 1 ? ' article' : ' articles')),
    v.entity ? [' ', h('a', {
      class: 'facet-refine', href: url('search', { q: `${q} entity:${v.value}` }),
      title: `Only the matches that mention ${v.name}`, 'aria-label': `Narrow to ${v.name}`,
    }, '+')] : null);
}
