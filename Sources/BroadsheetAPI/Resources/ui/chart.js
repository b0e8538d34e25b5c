// chart.js — a small bar chart of a time series (/v1/timeseries), built from DOM elements: an
// <ol> of `.bar` items whose height is the custom property `--h` (0–1 of the tallest), set with
// element.style.setProperty — CSSOM, which a `style-src 'self'` CSP allows (unlike style
// attributes in markup). Each bar carries its period and count as text for screen readers and
// as a title for the mouse. A few bars (≤ 6) are labelled one by one; more fill the width with
// the first and last period under the ends. loadSeries picks the interval: years, or months
// when the series covers at most three years.

import { api } from './api.js?v=__ASSET_VERSION__';
import { h, plural } from './dom.js?v=__ASSET_VERSION__';
import { periodLabel } from './timeline.js?v=__ASSET_VERSION__';

const MONTHLY_YEARS = 3; // spans of up to this many calendar years are shown by month
const SPARSE = 6;        // up to this many bars each get a label
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The series for `params` (`q` or `entity`, optionally `from`/`to`): first by year (never too
 * many intervals), then again by month when that covers at most three years.
 */
export async function loadSeries(params, signal) {
  const years = await api('/v1/timeseries', { ...params, interval: 'year' }, { signal });
  if (!years.data.length || years.data.length > MONTHLY_YEARS) return years;
  return api('/v1/timeseries', { ...params, interval: 'month' }, { signal });
}

/** `2026`, `2026-03` or `2026-03-02`: the interval's own period. */
export function periodKey(bucket, interval) {
  const start = bucket.start || '';
  if (interval === 'year') return start.slice(0, 4);
  if (interval === 'month') return start.slice(0, 7);
  return start;
}

function bucketLabel(bucket, interval) {
  const key = periodKey(bucket, interval);
  return interval === 'week' ? `Week of ${periodLabel(key)}` : periodLabel(key);
}

/** A bar's own label, short: `2026`, or `Mar` over `2026`. */
function tick(bucket, interval) {
  const [y, m, d] = periodKey(bucket, interval).split('-');
  if (!m) return [h('span', {}, y)];
  return [h('span', {}, d ? `${+d} ${SHORT[+m - 1]}` : SHORT[+m - 1]), h('span', {}, y)];
}

/** True when the series has at least one article to draw. */
export function hasBars(series) {
  return !!series && series.data.some((b) => b.articles > 0);
}

/**
 * A <figure> with the chart. opts: id (of the figure), caption, what (the unit counted,
 * default 'article'). Mentions (entity series) are named in each bar's label.
 */
export function barChart(series, { id, caption, what = 'article' } = {}) {
  const data = series.data;
  const max = Math.max(1, ...data.map((b) => b.articles));
  const sparse = data.length <= SPARSE;
  const bars = data.map((b) => {
    const period = bucketLabel(b, series.interval);
    const label = `${period}: ${plural(b.articles, what)}${typeof b.mentions === 'number' ? `, ${plural(b.mentions, 'mention')}` : ''}`;
    const bar = h('li', { class: b.articles ? 'bar' : 'bar empty', title: label, dataset: { period: periodKey(b, series.interval), count: b.articles } },
      h('span', { class: 'visually-hidden' }, label),
      h('span', { class: 'track', 'aria-hidden': 'true' }, h('span', { class: 'fill' })),
      sparse ? h('span', { class: 'tick', 'aria-hidden': 'true' }, tick(b, series.interval)) : null);
    bar.style.setProperty('--h', String(b.articles / max));
    return bar;
  });
  return h('figure', { id, class: 'chart-fig' },
    h('figcaption', {}, caption, ' ', h('span', { class: 'muted' }, `(most: ${max.toLocaleString('en')})`)),
    h('ol', { class: sparse ? 'chart sparse' : 'chart', 'aria-label': caption }, bars),
    sparse ? null : h('p', { class: 'chart-axis', 'aria-hidden': 'true' },
      h('span', {}, bucketLabel(data[0], series.interval)), h('span', {}, bucketLabel(data[data.length - 1], series.interval))));
}
