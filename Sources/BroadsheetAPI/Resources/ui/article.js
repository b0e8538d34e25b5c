// article.js — the article view: headline, dek, byline, then the text paragraph by paragraph
// (with section headings) highlighted from /v1/documents/{id}/annotations: entities link to
// their page, quotes name their speaker, time expressions show their normalised value. A side
// panel lists who is in the article, who said what, and related articles
// (/v1/documents/{id}/related, filled in when it answers). `p=N` scrolls to paragraph N.

import { api, isAbort } from './api.js?v=__ASSET_VERSION__';
import { h, url, dateEl, joined, errorBox, note, chip, entityLink, plural } from './dom.js?v=__ASSET_VERSION__';
import { renderSpans } from './highlight.js?v=__ASSET_VERSION__';
import { remember } from './titles.js?v=__ASSET_VERSION__';

export async function render(root, params, ctx) {
  const id = params.id || '';
  const { signal } = ctx;
  ctx.setTitle('Article');
  if (!id) {
    root.append(h('h1', {}, 'Article'), note('No article id given.'));
    return;
  }
  const loading = note('Loading the article…', 'note loading');
  root.append(loading);
  let doc;
  let annotations = [];
  let entities = [];
  let quotes = [];
  let more = { entities: 0, quotes: 0 }; // items past the first page of 100
  const problems = [];
  // Asked alongside the rest but never waited for: it fills its own list when it answers.
  const relatedP = api(`/v1/documents/${encodeURIComponent(id)}/related`, { limit: 5 }, { signal })
    .then((value) => ({ value }), (reason) => ({ reason }));
  try {
    const [d, a, e, q] = await Promise.allSettled([
      api(`/v1/documents/${encodeURIComponent(id)}`, {}, { signal }),
      api(`/v1/documents/${encodeURIComponent(id)}/annotations`, {}, { signal }),
      api('/v1/entities', { document: id, limit: 100 }, { signal }),
      api('/v1/quotes', { document: id, limit: 100 }, { signal }),
    ]);
    if (signal.aborted) return;
    if (d.status === 'rejected') throw d.reason;
    doc = d.value;
    if (a.status === 'fulfilled') annotations = a.value.data; else problems.push(a.reason);
    if (e.status === 'fulfilled') entities = e.value.data; else problems.push(e.reason);
    if (q.status === 'fulfilled') quotes = q.value.data; else problems.push(q.reason);
    more = { entities: e.value ? e.value.total - entities.length : 0, quotes: q.value ? q.value.total - quotes.length : 0 };
  } catch (err) {
    if (signal.aborted) return;
    loading.remove();
    root.append(h('h1', { id: 'article-title' }, 'Article not available'), errorBox(err));
    ctx.status('The article could not be loaded.');
    return;
  }
  loading.remove();
  remember(doc.id, doc.title);
  ctx.setTitle(doc.title);

  const entityById = new Map(entities.map((e) => [e.id, e]));
  const quoteById = new Map(quotes.map((q) => [q.id, q]));
  const speakerName = (a) => {
    const q = quoteById.get(a.quoteId);
    if (q && q.speaker) return q.speaker.name;
    if (q && q.speakerText) return q.speakerText;
    const e = a.speakerId && entityById.get(a.speakerId);
    return e ? e.name : a.speakerId;
  };

  const make = (a, content, ancestors) => {
    if (a.kind === 'entity') {
      const linked = ancestors.some((x) => x.kind === 'entity');
      const type = a.type || 'other';
      const name = (entityById.get(a.entityId) || {}).name;
      const inner = linked ? content
        : h('a', { href: url('entity', { id: a.entityId }), title: name && name !== a.text ? `${name} (${type})` : type }, content);
      return h('span', { class: `entity entity-${type}`, dataset: { entityId: a.entityId } }, inner);
    }
    if (a.kind === 'quote') {
      const who = speakerName(a);
      const label = who ? `${who} (${a.quoteKind} quote)` : `${a.quoteKind} quote`;
      // The speaker is shown by CSS from data-speaker, so the text stays exactly the article's.
      const data = { quoteId: a.quoteId };
      if (a.speakerId) data.speakerId = a.speakerId;
      if (who && a.quoteKind !== 'term') data.speaker = who;
      return h('span', { class: `quote quote-${a.quoteKind}`, title: label, dataset: data }, content);
    }
    if (a.kind === 'timex') {
      const value = a.mod ? `${a.value} (${a.mod})` : a.value;
      return h('span', { class: `timex timex-${a.type}`, title: `${a.type}: ${value}`, dataset: { value: a.value } }, content);
    }
    return null;
  };

  const text = doc.text;
  const body = h('div', { id: 'article', class: 'article-body' });
  let section = null;
  let ai = 0; // annotations are ordered by start: walk them with the paragraphs
  for (const p of doc.paragraphs) {
    if (p.section !== null && p.section !== section && doc.sections[p.section]) {
      body.append(h('h2', { class: 'section-title' }, doc.sections[p.section].title));
    }
    section = p.section;
    while (ai < annotations.length && annotations[ai].end <= p.start) ai++;
    const spans = [];
    for (let j = ai; j < annotations.length && annotations[j].start < p.end; j++) spans.push(annotations[j]);
    body.append(h('p', { id: `p-${p.index}`, class: 'para', tabindex: '-1' }, renderSpans(text, p.start, p.end, spans, make)));
  }
  if (!doc.paragraphs.length) body.append(note('This article has no text.'));

  const header = h('header', { class: 'article-head' },
    h('h1', { id: 'article-title' }, doc.title),
    doc.dek ? h('p', { class: 'dek' }, doc.dek) : null,
    h('p', { class: 'meta' }, joined([
      doc.authors.length ? `By ${doc.authors.join(', ')}` : null, dateEl(doc.publishedAt), doc.publication,
      plural(doc.wordCount, 'word')])));

  const relatedSlot = h('div', { class: 'related-slot' }, note('Looking for related articles…', 'note loading'));
  root.append(h('div', { class: 'article-layout' },
    h('article', { class: 'article', 'aria-labelledby': 'article-title' }, header,
      problems.length ? h('div', {}, problems.map((e) => errorBox(e, 'Some annotations could not be loaded'))) : null,
      legend(), body),
    side(annotations, entityById, quotes, more, relatedSlot)));
  relatedP.then(({ value, reason }) => {
    if (signal.aborted) return;
    if (reason) {
      relatedSlot.replaceChildren(isAbort(reason) ? '' : errorBox(reason, 'Related articles could not be loaded'));
      return;
    }
    relatedSlot.replaceChildren(value.data.length
      ? h('ul', { id: 'related-articles', class: 'plain related-articles' }, value.data.map(relatedItem))
      : note('No related articles.'));
  });

  const n = parseInt(params.p, 10);
  if (n >= 0) {
    const para = document.getElementById(`p-${n}`);
    if (para) { para.classList.add('target'); para.scrollIntoView({ block: 'center' }); para.focus({ preventScroll: true }); }
  }
  ctx.status(`Article: ${doc.title}`);
}

function legend() {
  const types = ['person', 'organization', 'location', 'money', 'percent', 'product', 'other'];
  return h('details', { class: 'legend' }, h('summary', {}, 'Highlight key'),
    h('p', {}, types.map((t) => [h('span', { class: `entity entity-${t}` }, t), ' ']),
      h('span', { class: 'quote quote-direct' }, '“quote”'), ' ', h('span', { class: 'timex' }, 'time')));
}

function relatedItem(r) {
  remember(r.id, r.title);
  const names = r.sharedEntities.slice(0, 3).map((e) => e.name);
  const rest = r.sharedEntities.length - names.length;
  return h('li', { dataset: { documentId: r.id } },
    h('a', { href: url('article', { id: r.id }), class: 'related-title' }, r.title),
    h('span', { class: 'meta related-meta' }, joined([dateEl(r.publishedAt), r.publication])),
    names.length ? h('span', { class: 'related-reason' }, `Also mentions ${names.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`) : null);
}

function side(annotations, entityById, quotes, more, relatedSlot) {
  const counts = new Map();
  for (const a of annotations) if (a.kind === 'entity') counts.set(a.entityId, (counts.get(a.entityId) || 0) + 1);
  const people = [...entityById.values()].sort((a, b) => (counts.get(b.id) || 0) - (counts.get(a.id) || 0) || a.name.localeCompare(b.name));
  const said = quotes.filter((q) => q.kind !== 'term');
  return h('aside', { class: 'side', 'aria-label': 'People, places, quotes and related articles' },
    h('section', { 'aria-labelledby': 'who-heading' },
      h('h2', { id: 'who-heading' }, 'Who is in it'),
      people.length ? h('ul', { id: 'article-entities', class: 'plain' }, people.map((e) => h('li', {},
        entityLink(e), ' ', chip(e.type), counts.get(e.id) ? h('span', { class: 'muted' }, ` ×${counts.get(e.id)}`) : null)))
        : note('No entities found.'),
      more.entities > 0 ? note(`…and ${more.entities} more.`) : null),
    h('section', { 'aria-labelledby': 'said-heading' },
      h('h2', { id: 'said-heading' }, 'Who said what'),
      said.length ? h('ul', { id: 'article-quotes', class: 'plain quotes-side' }, said.map((q) => h('li', {},
        q.speaker ? entityLink(q.speaker) : h('span', { class: 'muted' }, q.speakerText || 'Unattributed'),
        q.cue ? h('span', { class: 'muted' }, ` ${q.cue}`) : null, ': ',
        h('a', { href: `#p-${q.paragraph}`, class: 'quote-text' }, `“${shorten(q.text, 160)}”`))))
        : note('No attributed quotes.'),
      more.quotes > 0 ? note(`…and ${plural(more.quotes, 'more quote')}.`) : null),
    h('section', { 'aria-labelledby': 'related-articles-heading' },
      h('h2', { id: 'related-articles-heading' }, 'Related articles'), relatedSlot));
}

function shorten(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
