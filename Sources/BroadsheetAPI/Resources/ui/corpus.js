// corpus.js — the corpus view: counts from /v1/corpus, formats, warnings and the files that
// were skipped (with reasons). When the server takes writes (`writable`), a form adds an
// article with POST /v1/documents; the API key lives only in a variable of this module (never
// in storage) and is sent as `Authorization: Bearer`.

import { api, isAbort } from './api.js?v=__ASSET_VERSION__';
import { h, clear, url, errorBox, note } from './dom.js?v=__ASSET_VERSION__';

let apiKey = ''; // memory only: gone when the page is closed or reloaded

function num(n) {
  return typeof n === 'number' ? n.toLocaleString('en') : '—';
}

export async function render(root, params, ctx) {
  const { signal } = ctx;
  ctx.setTitle('Corpus');
  root.append(h('h1', {}, 'Corpus'));
  let c;
  try {
    c = await api('/v1/corpus', {}, { signal });
  } catch (err) {
    if (isAbort(err)) return;
    root.append(errorBox(err));
    ctx.status('The corpus report could not be loaded.');
    return;
  }
  const rows = [
    ['Documents', num(c.documents), 'documents'], ['Paragraphs', num(c.paragraphs), 'paragraphs'],
    ['Sentences', num(c.sentences), 'sentences'], ['Words', num(c.words), 'words'],
    ['Files read', num(c.files), 'files'], ['Articles stored', num(c.stored), 'stored'],
    ['Generation', num(c.generation), 'generation'], ['Writes pending', num(c.pendingWrites), 'pending'],
    ['Takes writes', c.writable ? 'yes' : 'no', 'writable'],
  ];
  if (c.lastWrite) rows.push(['Last write', h('time', { datetime: c.lastWrite }, new Date(c.lastWrite).toLocaleString('en-GB')), 'last-write']);
  root.append(h('dl', { id: 'corpus-counts', class: 'counts' },
    rows.map(([label, value, key]) => h('div', { class: 'count-cell', dataset: { count: key } }, h('dt', {}, label), h('dd', {}, value)))));
  if (c.root) root.append(h('p', { class: 'muted' }, `Imported from ${c.root}`, c.dataFolder ? `; kept in ${c.dataFolder}` : ''));

  const formats = Object.entries(c.formats || {});
  if (formats.length) {
    root.append(h('h2', {}, 'Formats'), h('ul', { id: 'corpus-formats', class: 'plain inline' },
      formats.map(([f, n]) => h('li', {}, `${f}: ${num(n)}`))));
  }
  if (c.warnings && c.warnings.length) {
    root.append(h('h2', {}, 'Warnings'), h('ul', { id: 'corpus-warnings' }, c.warnings.map((w) => h('li', {}, w))));
  }
  root.append(h('h2', {}, 'Skipped files'), c.skipped.length
    ? h('table', { id: 'corpus-skipped', class: 'table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'File'), h('th', { scope: 'col' }, 'Reason'))),
      h('tbody', {}, c.skipped.map((s) => h('tr', {}, h('td', {}, h('code', {}, s.path)), h('td', {}, s.reason)))))
    : note('No files were skipped.'));
  root.append(c.writable ? writeForm(ctx) : note('This server takes no writes (it was started without an API key).'));
  ctx.status(`Corpus: ${num(c.documents)} documents`);
}

function field(id, label, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('small', { id: `${id}-hint` }, hint) : null);
}

function writeForm(ctx) {
  const title = h('input', { id: 'add-title', name: 'title', required: true, maxlength: '1000' });
  const date = h('input', { id: 'add-date', name: 'publishedAt', type: 'date' });
  const publication = h('input', { id: 'add-publication', name: 'publication' });
  const authors = h('input', { id: 'add-authors', name: 'authors', 'aria-describedby': 'add-authors-hint' });
  const body = h('textarea', { id: 'add-body', name: 'body', required: true, rows: '10', 'aria-describedby': 'add-body-hint' });
  const key = h('input', { id: 'add-key', name: 'key', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'add-key-hint' });
  key.value = apiKey;
  key.addEventListener('input', () => { apiKey = key.value; });
  const submit = h('button', { type: 'submit' }, 'Add article');
  const result = h('div', { id: 'add-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'add-form', class: 'add-form', 'aria-labelledby': 'add-heading' },
    h('h2', { id: 'add-heading' }, 'Add an article'),
    field('add-title', 'Title', title),
    field('add-date', 'Date', date),
    field('add-publication', 'Publication', publication),
    field('add-authors', 'Authors', authors, 'Separated by commas.'),
    field('add-body', 'Body', body, 'Paragraphs separated by blank lines.'),
    field('add-key', 'API key', key, 'Kept in this page’s memory only; sent as a bearer token.'),
    submit, result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    apiKey = key.value;
    const article = { title: title.value.trim(), body: body.value };
    if (date.value) article.publishedAt = date.value;
    if (publication.value.trim()) article.publication = publication.value.trim();
    const names = authors.value.split(',').map((s) => s.trim()).filter(Boolean);
    if (names.length) article.authors = names;
    submit.disabled = true;
    clear(result).append(note('Saving…'));
    try {
      const r = await api('/v1/documents', { wait: 'true' }, { method: 'POST', json: article, key: apiKey });
      clear(result).append(h('p', { class: 'success' },
        r.status === 'unchanged' ? 'Already stored, unchanged: ' : `Article ${r.status}: `,
        h('a', { href: url('article', { id: r.id }) }, r.id),
        r.visible ? '' : ' (not served yet; it will be within a second)'));
      ctx.status(`Article ${r.status}.`);
      if (r.status !== 'unchanged') { title.value = ''; body.value = ''; }
    } catch (err) {
      clear(result).append(errorBox(err, 'The article was not stored'));
      ctx.status('The article was not stored.');
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
