// entity.js — the entity page: name, type, value, aliases, descriptions and counts
// (/v1/entities/{id}); the articles that mention it (an `entity:<id>` search, which carries
// titles) with the mentioning sentences; its coverage over time (/v1/timeseries, a chart.js bar
// chart); its quotes and events; related entities. A merged entity (308) is followed and the URL
// replaced with the surviving id.

import { api, isAbort } from './api.js?v=__ASSET_VERSION__';
import { h, append, url, dateEl, joined, errorBox, note, chip, entityLink, plural } from './dom.js?v=__ASSET_VERSION__';
import { quoteItem } from './quotes.js?v=__ASSET_VERSION__';
import { eventItem } from './timeline.js?v=__ASSET_VERSION__';
import { remember } from './titles.js?v=__ASSET_VERSION__';
import { loadSeries, barChart, hasBars } from './chart.js?v=__ASSET_VERSION__';

function section(id, title, ...content) {
  return h('section', { class: 'entity-section', 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, title), ...content);
}

function valueText(e) {
  if (!e.value) return null;
  const { amount, currency } = e.value;
  if (e.type === 'percent' || !currency) return `${amount.toLocaleString('en')}${e.type === 'percent' ? '%' : ''}`;
  try {
    return amount.toLocaleString('en', { style: 'currency', currency, maximumFractionDigits: 2 });
  } catch (err) {
    return `${currency} ${amount.toLocaleString('en')}`;
  }
}

export async function render(root, params, ctx) {
  const { signal } = ctx;
  let id = params.id || '';
  ctx.setTitle('Entity');
  if (!id) {
    root.append(h('h1', { id: 'entity-name' }, 'Entity'), note('No entity id given.'));
    return;
  }
  const loading = note('Loading…', 'note loading');
  root.append(loading);
  let e;
  try {
    const { body, response } = await api(`/v1/entities/${encodeURIComponent(id)}`, { limit: 100 }, { signal, full: true });
    e = body;
    if (response.redirected && e.id !== id) {
      id = e.id;
      ctx.replaceUrl(url('entity', { id }));
    }
  } catch (err) {
    if (isAbort(err)) return;
    loading.remove();
    root.append(h('h1', { id: 'entity-name' }, 'Entity not available'), errorBox(err));
    ctx.status('The entity could not be loaded.');
    return;
  }
  loading.remove();
  ctx.setTitle(e.name);
  const enc = encodeURIComponent(id);
  const docsP = api('/v1/search', { q: `entity:${id}`, passages: 0, limit: 50 }, { signal });
  const quotesP = e.quoteCount ? api(`/v1/entities/${enc}/quotes`, { limit: 20 }, { signal }) : null;
  const eventsP = e.eventCount ? api(`/v1/entities/${enc}/events`, { limit: 50 }, { signal }) : null;
  const seriesP = e.documentCount ? loadSeries({ entity: id }, signal) : null;

  const facts = h('dl', { class: 'facts', id: 'entity-facts' },
    valueText(e) ? [h('dt', {}, 'Value'), h('dd', {}, valueText(e))] : null,
    e.aliases.length ? [h('dt', {}, 'Also called'), h('dd', { id: 'entity-aliases' }, e.aliases.join(', '))] : null,
    e.descriptions.length ? [h('dt', {}, 'Described as'), h('dd', { id: 'entity-descriptions' }, e.descriptions.join('; '))] : null,
    h('dt', {}, 'Mentions'), h('dd', { id: 'entity-mentions' }, `${plural(e.mentionCount, 'mention')} in ${plural(e.documentCount, 'article')}`),
    h('dt', {}, 'Quotes'), h('dd', {}, e.quoteCount ? h('a', { href: url('quotes', { speaker: id }) }, plural(e.quoteCount, 'quote')) : 'none'),
    h('dt', {}, 'Events'), h('dd', {}, e.eventCount ? h('a', { href: url('timeline', { entity: id }) }, plural(e.eventCount, 'event')) : 'none'));

  // Mentioning sentences per article, from the first page of mentions.
  const sentences = new Map();
  for (const m of e.mentions) {
    const list = sentences.get(m.documentId) || [];
    if (list.length < 3 && !list.includes(m.sentence)) list.push(m.sentence);
    sentences.set(m.documentId, list);
  }
  const docsList = h('ol', { id: 'entity-documents', class: 'plain-list' });
  const quotesSlot = h('div');
  const eventsSlot = h('div');
  const coverageSlot = h('div', {}, note('Counting…', 'note loading'));
  append(root, [
    h('header', { class: 'entity-head' }, h('h1', { id: 'entity-name' }, e.name), ' ', chip(e.type)),
    facts,
    seriesP ? section('entity-coverage-section', 'Coverage over time', coverageSlot) : null,
    section('entity-docs', 'Articles', docsList),
    e.quoteCount ? section('entity-quotes', 'Quotes', quotesSlot) : null,
    e.eventCount ? section('entity-events', 'Events', eventsSlot) : null,
    section('related', 'Related', e.related.length
      ? h('ul', { id: 'related', class: 'plain' }, e.related.map((r) => h('li', {}, entityLink(r), ' ', chip(r.type),
        h('span', { class: 'muted' }, ` ${plural(r.count, 'shared sentence')}`))))
      : note('No related entities.'))]);
  ctx.status(`${e.name}, ${e.type}`);
  if (seriesP) {
    // Painted on its own: the articles below need not wait for it (two requests in a row).
    seriesP.then((series) => {
      if (signal.aborted) return;
      coverageSlot.replaceChildren(hasBars(series)
        ? barChart(series, { id: 'entity-coverage', caption: `Articles per ${series.interval} mentioning ${e.name}` })
        : note('None of its articles is dated.'));
    }, (err) => {
      if (!signal.aborted && !isAbort(err)) coverageSlot.replaceChildren(errorBox(err, 'Coverage could not be loaded'));
    });
  }

  const [docs, quotes, events] = await Promise.allSettled([docsP, quotesP, eventsP]);
  if (signal.aborted) return;
  if (docs.status === 'fulfilled') {
    docsList.append(...docs.value.data.map((d) => {
      remember(d.documentId, d.title);
      return h('li', { class: 'doc' },
        h('a', { href: url('article', { id: d.documentId }), class: 'doc-title' }, d.title),
        h('p', { class: 'meta' }, joined([dateEl(d.publishedAt), d.publication])),
        (sentences.get(d.documentId) || []).map((s) => h('p', { class: 'mention' }, s)));
    }));
    if (docs.value.total > docs.value.data.length) {
      docsList.after(h('p', {}, h('a', { href: url('search', { q: `entity:${id}` }) }, `All ${plural(docs.value.total, 'article')}`)));
    }
  } else if (!isAbort(docs.reason)) docsList.replaceWith(errorBox(docs.reason));
  if (quotesP) {
    if (quotes.status === 'fulfilled') {
      quotesSlot.append(h('ol', { id: 'entity-quotes', class: 'quotes-list' }, quotes.value.data.map((q) => quoteItem(q, { speaker: false }))));
      if (quotes.value.total > quotes.value.data.length) {
        quotesSlot.append(h('p', {}, h('a', { href: url('quotes', { speaker: id }) }, `All ${plural(quotes.value.total, 'quote')}`)));
      }
    } else if (!isAbort(quotes.reason)) quotesSlot.append(errorBox(quotes.reason));
  }
  if (eventsP) {
    if (events.status === 'fulfilled') {
      eventsSlot.append(h('ol', { id: 'entity-events', class: 'timeline events' }, events.value.data.map(eventItem)));
      if (events.value.total > events.value.data.length) {
        eventsSlot.append(h('p', {}, h('a', { href: url('timeline', { entity: id }) }, `All ${plural(events.value.total, 'event')}`)));
      }
    } else if (!isAbort(events.reason)) eventsSlot.append(errorBox(events.reason));
  }
}
