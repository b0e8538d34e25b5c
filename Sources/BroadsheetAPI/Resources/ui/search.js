// search.js — the search view (the default): a labelled box with suggestions from /v1/suggest
// (a <datalist>), results from /v1/search as you type (debounced 150 ms; every request gets a
// number and an AbortController, and only the latest may paint), spelling corrections, paging
// by offset in the URL. With an empty box it lists the latest articles (/v1/documents). Once a
// query's results have painted, a side panel (facets.js) shows its histogram and top entities.

import { api, isAbort } from './api.js?v=__ASSET_VERSION__';
import { h, append, clear, url, dateEl, joined, errorBox, note, pager, plural } from './dom.js?v=__ASSET_VERSION__';
import { markedFragment } from './marks.js?v=__ASSET_VERSION__';
import { remember } from './titles.js?v=__ASSET_VERSION__';
import { facetPanel } from './facets.js?v=__ASSET_VERSION__';

const LIMIT = 10;
const DEBOUNCE_MS = 150;

let ui = null;      // elements of the rendered view
let panel = null;   // the facets and histogram beside the results
let ctx = null;
let seq = 0;        // number of the latest search request
let ctrl = null;    // its AbortController
let suggestSeq = 0;
let suggestCtrl = null;
let timer = 0;

export function render(root, params, context) {
  ctx = context;
  const input = h('input', {
    id: 'q', name: 'q', type: 'search', list: 'suggestions', autocomplete: 'off', spellcheck: 'false',
    maxlength: '512', placeholder: 'e.g. nord stream, "peace plan", sanction*', 'aria-describedby': 'q-help',
  });
  const unit = h('select', { id: 'unit', name: 'unit' },
    h('option', { value: 'article' }, 'Articles'), h('option', { value: 'paragraph' }, 'Paragraphs'));
  const form = h('form', { class: 'search-form', role: 'search', 'aria-label': 'Articles' },
    h('label', { for: 'q', class: 'search-label' }, 'Search articles'),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, 'Search')),
    h('div', { class: 'search-opts' }, h('label', { for: 'unit' }, 'Find'), unit),
    h('datalist', { id: 'suggestions' }));
  const code = (t) => h('code', {}, t);
  const help = h('details', { id: 'q-help', class: 'help' }, h('summary', {}, 'Query language'),
    h('p', {}, 'All words required; ', code('OR'), '; ', code('"phrase"'), '; ', code('-word'), '; ', code('prefix*'),
      '; ', code('( )'), '; filters ', code('entity:ID'), ' ', code('document:ID'), ' ', code('from:YYYY-MM'), ' ', code('to:YYYY'), '.'));
  ui = {
    input, unit,
    heading: h('h1', { class: 'visually-hidden' }, 'Search'),
    entities: h('p', { id: 'entity-suggestions', class: 'entity-suggestions', hidden: true }),
    correction: h('p', { id: 'correction', class: 'correction', hidden: true }),
    count: h('p', { id: 'result-count', class: 'count' }),
    message: h('div', { id: 'search-message' }),
    results: h('ol', { id: 'results', class: 'results' }),
    latest: h('ol', { id: 'latest', class: 'results' }),
    pager: h('div', { class: 'pager-slot' }),
  };
  panel = facetPanel();
  root.append(ui.heading, form, help, ui.entities, ui.correction, h('div', { class: 'search-layout' },
    h('div', { class: 'search-main' }, ui.count, ui.message, ui.results, ui.latest, ui.pager), panel.el));

  const go = () => {
    clearTimeout(timer);
    const p = { q: input.value, unit: unit.value === 'paragraph' ? 'paragraph' : '' };
    ctx.replaceUrl(url('search', p));
    run(p);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // Mid-operator (open phrase, dangling OR…): wait for more typing; Enter sends it anyway.
    timer = setTimeout(() => (incomplete(input.value) ? clear(ui.message) : go()), DEBOUNCE_MS);
    suggest(input.value);
  });
  unit.addEventListener('change', go);
  form.addEventListener('submit', (e) => { e.preventDefault(); go(); });
  context.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    if (ctrl) ctrl.abort();
    if (suggestCtrl) suggestCtrl.abort();
    panel.abort();
    seq++;
    suggestSeq++;
  });

  update(params);
  input.focus();
}

export function update(params) {
  const q = params.q || '';
  if (ui.input.value !== q) ui.input.value = q;
  ui.unit.value = params.unit === 'paragraph' ? 'paragraph' : 'article';
  clearTimeout(timer);
  run({ q, unit: ui.unit.value, offset: parseInt(params.offset, 10) || 0 });
}

/** A query still being typed: an open phrase or group, a dangling OR, -, *, or filter. */
function incomplete(q) {
  const t = q.trim();
  if ((t.match(/"/g) || []).length % 2) return true;
  if ((t.match(/\(/g) || []).length > (t.match(/\)/g) || []).length) return true;
  if (/(^|\s)(OR|-|\*)$/.test(t) || /^OR(\s|$)/.test(t) || /:$/.test(t)) return true;
  return /(^|\s)-?(from|to):(?!\d{4}(-\d{2}(-\d{2})?)?(\s|$))\S*$/.test(t);
}

async function run({ q, unit, offset = 0 }) {
  const my = ++seq;
  if (ctrl) ctrl.abort();
  ctrl = new AbortController();
  const signal = ctrl.signal;
  const query = q.trim();
  ctx.setTitle(query ? `Search: ${query}` : 'Search');
  ui.results.setAttribute('aria-busy', 'true');
  panel.pending(query);
  try {
    if (!query) {
      const page = await api('/v1/documents', { limit: LIMIT, offset: offset || undefined }, { signal });
      if (my !== seq) return;
      panel.reset();
      showDocuments(page);
    } else {
      const r = await api('/v1/search', {
        q: query, unit: unit === 'paragraph' ? 'paragraph' : undefined, passages: unit === 'paragraph' ? undefined : 2,
        limit: LIMIT, offset: offset || undefined,
      }, { signal });
      if (my !== seq) return;
      showResults(r, query, unit);
      // After the results: the counts never hold them up (the panel drops its stale answers).
      if (r.total) panel.show(query); else panel.reset();
    }
  } catch (err) {
    if (isAbort(err) || my !== seq) return;
    panel.reset();
    clear(ui.results);
    clear(ui.latest);
    clear(ui.pager);
    ui.correction.hidden = true;
    ui.count.textContent = '';
    clear(ui.message).append(err.status === 400 ? note(`${err.detail || err.title}`, 'note query-problem') : errorBox(err));
    ctx.status(err.status === 400 ? 'The query could not be read.' : 'Search failed.');
  } finally {
    if (my === seq) ui.results.removeAttribute('aria-busy');
  }
}

function showDocuments(page) {
  clear(ui.message);
  ui.correction.hidden = true;
  ui.count.textContent = `Latest articles: ${plural(page.total, 'article')} in the corpus`;
  clear(ui.results);
  clear(ui.latest).append(...page.data.map((d) => {
    remember(d.id, d.title);
    return h('li', { class: 'doc' },
      h('h2', { class: 'hit-heading' }, h('a', { class: 'doc-title', href: url('article', { id: d.id }) }, d.title)),
      h('p', { class: 'meta' }, joined([dateEl(d.publishedAt), d.publication, d.authors.join(', '), plural(d.wordCount, 'word')])));
  }));
  clear(ui.pager).append(pager(page, (o) => url('search', { offset: o })) || '');
  ctx.status(`${plural(page.total, 'article')} in the corpus`);
}

function correctedQuery(q, corrections) {
  let out = q;
  for (const { from, to } of corrections) {
    const esc = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'giu'), to);
  }
  return out;
}

function showResults(r, q, unit) {
  clear(ui.message);
  const corrections = r.corrections || [];
  ui.correction.hidden = corrections.length === 0;
  if (corrections.length) {
    clear(ui.correction).append('Showing results for ', h('strong', {}, correctedQuery(q, corrections)),
      h('span', { class: 'muted' }, ` (${corrections.map((c) => `${c.from} → ${c.to}`).join(', ')})`));
  }
  const what = unit === 'paragraph' ? 'paragraph' : 'article';
  ui.count.textContent = r.total ? `${plural(r.total, what)} (${r.tookMs} ms)` : '';
  clear(ui.latest);
  clear(ui.results).append(...r.data.map((hit) => hitItem(hit)));
  if (!r.total) ui.message.append(note(`No ${what}s match “${q}”.`));
  clear(ui.pager).append(pager(r, (o) => url('search', { q, unit: unit === 'paragraph' ? unit : '', offset: o })) || '');
  ctx.status(r.total ? `${plural(r.total, 'result')} for ${q}` : `No results for ${q}`);
}

function hitItem(hit) {
  remember(hit.documentId, hit.title);
  const passages = hit.passages && hit.passages.length ? hit.passages
    : hit.snippet ? [{ paragraph: hit.paragraph, snippet: hit.snippet }] : [];
  return h('li', { class: 'hit', dataset: { documentId: hit.documentId } },
    h('h2', { class: 'hit-heading' },
      h('a', { class: 'hit-title', href: url('article', { id: hit.documentId, p: passages.length ? hit.paragraph : '' }) }, hit.title)),
    h('p', { class: 'meta' }, joined([dateEl(hit.publishedAt), hit.publication, (hit.authors || []).join(', ')])),
    passages.map((p) => h('p', { class: 'passage' },
      h('a', { class: 'para-link', href: url('article', { id: hit.documentId, p: p.paragraph }), 'aria-label': `Paragraph ${p.paragraph + 1}` }, `¶${p.paragraph + 1}`),
      ' ', markedFragment(p.snippet))));
}

async function suggest(value) {
  const my = ++suggestSeq;
  if (suggestCtrl) suggestCtrl.abort();
  const list = document.getElementById('suggestions');
  const m = /^(.*?)([\p{L}\p{N}][^\s]*)$/u.exec(value);
  if (!m || value.length > 100 || /[:"()*]/.test(m[2])) {
    if (list) clear(list);
    ui.entities.hidden = true;
    return;
  }
  suggestCtrl = new AbortController();
  try {
    const r = await api('/v1/suggest', { q: m[2], limit: 8 }, { signal: suggestCtrl.signal });
    if (my !== suggestSeq || !list) return;
    clear(list).append(...r.data.map((s) => h('option', { value: m[1] + s.text })));
    const ents = r.data.filter((s) => s.kind === 'entity' && s.entityId);
    ui.entities.hidden = ents.length === 0;
    append(clear(ui.entities), [ents.length ? 'Go to: ' : '',
      joined(ents.map((s) => h('a', { href: url('entity', { id: s.entityId }) }, s.text)), ', ')]);
  } catch (err) {
    // Suggestions are a convenience: a failure leaves the list as it was.
    if (!isAbort(err) && my === suggestSeq) ui.entities.hidden = true;
  }
}
