// timeline.js — the timeline view: /v1/events by date, zooming all → year → month → day.
// The zoom level is the precision of `from` (none, YYYY, YYYY-MM, YYYY-MM-DD); events are
// grouped one level finer, and each group's heading zooms into it. Controls step to the
// previous/next period or zoom out; a form sets from/to/type. Exports eventItem for entity pages.

import { api, isAbort } from './api.js?v=__ASSET_VERSION__';
import { h, append, url, errorBox, note, pager, plural, entityLink, joined } from './dom.js?v=__ASSET_VERSION__';
import { articleLink } from './titles.js?v=__ASSET_VERSION__';

const LIMIT = 50;
const DATE_RE = /^[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;
const TYPES = ['meeting', 'travel', 'statement', 'negotiation', 'agreement', 'transaction', 'sanction', 'legal',
  'conflict', 'election', 'death', 'announcement', 'personnel', 'other'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The period label: `2025`, `March 2025`, `6 March 2025`; other TIMEX values as given. */
export function periodLabel(value) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value || '');
  if (!m) return value;
  if (m[3]) return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
  if (m[2]) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  return m[1];
}

export function eventItem(e) {
  const d = e.date || {};
  return h('li', { class: `event event-${e.type}`, dataset: { eventId: e.id } },
    h('p', { class: 'event-date' }, h('time', { datetime: DATE_RE.test(d.value) ? d.value : undefined, title: d.text }, periodLabel(d.value)),
      d.mod ? h('span', { class: 'muted' }, ` (${d.mod.toLowerCase()})`) : null, ' ', h('span', { class: 'chip chip-event' }, e.type)),
    h('p', { class: 'event-summary' }, e.summary || e.sentence),
    h('p', { class: 'meta' }, joined([
      e.participants.length ? ['Who: ', joined(e.participants.map((p) => entityLink(p)), ', ')] : null,
      e.places.length ? ['Where: ', joined(e.places.map((p) => entityLink(p)), ', ')] : null,
      ['In ', articleLink(e.documentId, undefined, {}, e.documentTitle)],
    ])));
}

function level(from) {
  return from ? from.split('-').length : 0; // 0 all, 1 year, 2 month, 3 day
}

function groupKey(value, lvl) {
  const re = [/^\d{4}/, /^\d{4}-\d{2}/, /^\d{4}-\d{2}-\d{2}/][Math.min(lvl, 2)];
  const m = re.exec(value || '');
  return m ? m[0] : value || 'undated';
}

/** The period `p` (YYYY, YYYY-MM or YYYY-MM-DD) moved by `step` of its own unit. */
function shift(p, step) {
  const [y, m, d] = p.split('-').map(Number);
  if (d) {
    const t = new Date(Date.UTC(y, m - 1, d + step));
    return t.toISOString().slice(0, 10);
  }
  if (m) {
    const t = new Date(Date.UTC(y, m - 1 + step, 1));
    return t.toISOString().slice(0, 7);
  }
  return String(y + step);
}

export async function render(root, params, ctx) {
  const { signal } = ctx;
  const from = DATE_RE.test(params.from || '') ? params.from : '';
  const to = DATE_RE.test(params.to || '') ? params.to : '';
  const type = TYPES.includes(params.type) ? params.type : '';
  const entity = params.entity || '';
  const offset = parseInt(params.offset, 10) || 0;
  const lvl = from && (!to || to === from) ? level(from) : 0;
  const keep = { type, entity };
  ctx.setTitle(from ? `Timeline ${periodLabel(from)}` : 'Timeline');

  const controls = h('nav', { class: 'zoom', 'aria-label': 'Zoom' });
  if (lvl > 0) {
    const up = from.split('-').slice(0, lvl - 1).join('-');
    controls.append(
      h('a', { href: url('timeline', { ...keep, from: shift(from, -1), to: shift(from, -1) }), id: 'period-prev' }, '← Previous'),
      h('a', { href: url('timeline', { ...keep, from: up, to: up }), id: 'zoom-out' }, up ? `Zoom out to ${periodLabel(up)}` : 'Zoom out to all dates'),
      h('a', { href: url('timeline', { ...keep, from: shift(from, 1), to: shift(from, 1) }), id: 'period-next' }, 'Next →'));
  } else if (from || to) {
    controls.append(h('a', { href: url('timeline', keep), id: 'zoom-out' }, 'All dates'));
  }

  const fromInput = h('input', { id: 'tl-from', name: 'from', value: from, placeholder: 'YYYY[-MM[-DD]]', pattern: DATE_RE.source, size: '11' });
  const toInput = h('input', { id: 'tl-to', name: 'to', value: to, placeholder: 'YYYY[-MM[-DD]]', pattern: DATE_RE.source, size: '11' });
  const typeSelect = h('select', { id: 'tl-type', name: 'type' }, h('option', { value: '' }, 'Any'),
    TYPES.map((t) => h('option', { value: t, selected: t === type }, t)));
  const form = h('form', { class: 'filters', 'aria-label': 'Date range' },
    h('div', { class: 'field' }, h('label', { for: 'tl-from' }, 'From'), fromInput),
    h('div', { class: 'field' }, h('label', { for: 'tl-to' }, 'To'), toInput),
    h('div', { class: 'field' }, h('label', { for: 'tl-type' }, 'Type'), typeSelect),
    h('button', { type: 'submit' }, 'Show events'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(url('timeline', { entity, from: fromInput.value.trim(), to: toInput.value.trim(), type: typeSelect.value }));
  });

  const title = from ? (to && to !== from ? `${periodLabel(from)} – ${periodLabel(to)}` : periodLabel(from)) : to ? `Until ${periodLabel(to)}` : 'All dates';
  const count = h('p', { class: 'count' });
  const list = h('ol', { id: 'timeline-list', class: 'timeline' });
  const pagerSlot = h('div');
  append(root, [h('h1', {}, `Timeline: ${title}`), entity ? h('p', {}, 'Events of ', h('a', { href: url('entity', { id: entity }) }, entity)) : null,
    controls, form, count, list, pagerSlot]);

  try {
    const page = await api('/v1/events', { from, to, type, entity, limit: LIMIT, offset }, { signal });
    let group = null;
    let groupList = null;
    for (const e of page.data) {
      const key = groupKey(e.date && e.date.value, lvl);
      if (key !== group || !groupList) {
        group = key;
        groupList = h('ol', { class: 'events' });
        const heading = DATE_RE.test(key) && key.length > from.length
          ? h('a', { href: url('timeline', { ...keep, from: key, to: key }), class: 'zoom-in' }, periodLabel(key))
          : periodLabel(key);
        list.append(h('li', { class: 'period', dataset: { period: key } }, h('h2', {}, heading), groupList));
      }
      groupList.append(eventItem(e));
    }
    count.textContent = plural(page.total, 'event');
    if (!page.total) root.insertBefore(note('No dated events in this range.'), pagerSlot);
    pagerSlot.append(pager(page, (o) => url('timeline', { ...keep, from, to, offset: o })) || '');
    ctx.status(`${plural(page.total, 'event')}: ${title}`);
  } catch (err) {
    if (isAbort(err)) return;
    root.insertBefore(errorBox(err), list);
    ctx.status('Events could not be loaded.');
  }
}
