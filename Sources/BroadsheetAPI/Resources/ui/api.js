// api.js — the one way the explorer talks to the Broadsheet JSON API: same-origin fetch of
// relative URLs, query strings built from plain objects (empty values left out), JSON answers
// parsed, and RFC 9457 problem+json errors turned into an ApiError carrying `title` and `detail`.

export class ApiError extends Error {
  constructor(status, title, detail, problem = null) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail || '';
    this.problem = problem;
  }
}

/** True for the error an aborted fetch throws (a superseded request: never shown). */
export function isAbort(err) {
  return err != null && err.name === 'AbortError';
}

/** `?a=1&b=x` from an object, leaving out undefined, null and empty-string values. */
export function query(params = {}) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/**
 * Fetches `path` (a relative URL such as `/v1/search`) with `params` as its query.
 * opts: signal (AbortSignal), method, json (a body sent as application/json), key (a bearer
 * key), full (answer `{ body, response }` instead of the body alone).
 */
export async function api(path, params = {}, opts = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const init = { method: opts.method || 'GET', headers, signal: opts.signal, credentials: 'same-origin' };
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.json);
  }
  if (opts.key) headers.Authorization = `Bearer ${opts.key}`;
  let response;
  try {
    response = await fetch(path + query(params), init);
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(0, 'Network error', 'The server could not be reached. Check that it is running.');
  }
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (response.status !== 204 && response.status !== 304) {
    try {
      body = type.includes('json') ? await response.json() : await response.text();
    } catch (err) {
      if (isAbort(err)) throw err;
      body = null;
    }
  }
  if (!response.ok) {
    if (body && typeof body === 'object' && typeof body.title === 'string') {
      throw new ApiError(response.status, body.title, body.detail || '', body);
    }
    const text = typeof body === 'string' ? body.trim().slice(0, 300) : '';
    throw new ApiError(response.status, `HTTP ${response.status} ${response.statusText || ''}`.trim(), text);
  }
  return opts.full ? { body, response } : body;
}
