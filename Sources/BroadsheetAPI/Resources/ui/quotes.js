// quotes.js — the quotes view: /v1/quotes filtered by speaker (an entity id, with name
// suggestions from /v1/entities), kind and words, paged by offset in the URL. Each quote links
// to its article paragraph and its speaker. Exports quoteItem for the entity page.

import { api, isAbort } from './api.js?v=__ASSET_VERSION__';
import { h, clear, url, errorBox, note, pager, plural, entityLink } from './dom.js?v=__ASSET_VERSION__';
import { articleLink } from './titles.js?v=__ASSET_VERSION__';

const LIMIT = 20;
const KINDS = ['direct', 'partial', 'term'];

export function quoteItem(q, { speaker = true } = {}) {
  let who = null;
  if (speaker) {
    who = q.speaker ? entityLink(q.speaker, { class: 'speaker' })
      : h('span', { class: 'speaker muted' }, q.speakerText || (q.kind === 'term' ? 'term (no speaker)' : 'unattributed'));
  }
  return h('li', { class: `quote-item quote-${q.kind}`, dataset: { quoteId: q.id } },
    h('blockquote', {}, `“${q.text}”`),
    h('p', { class: 'meta' },
      who ? ['— ', who, q.cue ? ` (${q.cue})` : '', ' · '] : null,
      h('span', { class: `chip chip-quote` }, q.kind), ' · ',
      q.continues ? 'continued · ' : null,
      'in ', articleLink(q.documentId, q.paragraph, {}, q.documentTitle)));
}

export async function render(root, params, ctx) {
  const { signal } = ctx;
  const speaker = params.speaker || '';
  const kind = KINDS.includes(params.kind) ? params.kind : '';
  const words = params.q || '';
  const offset = parseInt(params.offset, 10) || 0;
  ctx.setTitle('Quotes');

  const speakerInput = h('input', { id: 'quote-speaker', name: 'speaker', value: speaker, list: 'speaker-options', autocomplete: 'off', placeholder: 'entity id' });
  const options = h('datalist', { id: 'speaker-options' });
  const kindSelect = h('select', { id: 'quote-kind', name: 'kind' },
    h('option', { value: '' }, 'Any'), KINDS.map((k) => h('option', { value: k, selected: k === kind }, k)));
  const wordsInput = h('input', { id: 'quote-q', name: 'q', type: 'search', value: words, maxlength: '200' });
  const form = h('form', { class: 'filters', 'aria-label': 'Filter quotes' },
    h('div', { class: 'field' }, h('label', { for: 'quote-speaker' }, 'Speaker'), speakerInput, options),
    h('div', { class: 'field' }, h('label', { for: 'quote-kind' }, 'Kind'), kindSelect),
    h('div', { class: 'field' }, h('label', { for: 'quote-q' }, 'Words'), wordsInput),
    h('button', { type: 'submit' }, 'Show quotes'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(url('quotes', { speaker: speakerInput.value.trim(), kind: kindSelect.value, q: wordsInput.value.trim() }));
  });
  let sseq = 0;
  speakerInput.addEventListener('input', async () => {
    const my = ++sseq;
    const v = speakerInput.value.trim();
    if (!v || v.length > 200) return;
    try {
      const r = await api('/v1/entities', { q: v, limit: 8 }, { signal });
      if (my !== sseq) return;
      clear(options).append(...r.data.map((e) => h('option', { value: e.id, label: `${e.name} (${e.type}, ${plural(e.quoteCount, 'quote')})` })));
    } catch (err) { /* suggestions only: keep the old ones */ }
  });

  const count = h('p', { class: 'count', id: 'quotes-count' });
  const list = h('ol', { id: 'quotes-list', class: 'quotes-list' });
  const pagerSlot = h('div');
  root.append(h('h1', {}, 'Quotes'), form, count, list, pagerSlot);

  try {
    const page = await api('/v1/quotes', { speaker, kind, q: words, limit: LIMIT, offset }, { signal });
    list.append(...page.data.map((q) => quoteItem(q)));
    const named = page.data.find((q) => q.speaker && q.speaker.id === speaker);
    count.textContent = `${plural(page.total, 'quote')}${speaker ? ` attributed to ${named ? named.speaker.name : speaker}` : ''}`;
    if (!page.total) root.insertBefore(note('No quotes match.'), pagerSlot);
    pagerSlot.append(pager(page, (o) => url('quotes', { speaker, kind, q: words, offset: o })) || '');
    ctx.status(`${plural(page.total, 'quote')} found`);
  } catch (err) {
    if (isAbort(err)) return;
    root.insertBefore(errorBox(err), list);
    ctx.status('Quotes could not be loaded.');
  }
}
