// The admin API, same origin. Every call sends the signed-in key as X-Api-Key; every error answer is
// application/problem+json (docs/api.md), turned here into an ApiError the pages show with
// <ProblemMessage>, never as raw JSON.
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    /** { type, title, status, detail, errors: [{ field | file, line, column, message }] } */
    this.problem = problem;
  }
}

let unauthorized = () => {};
/** What to do when a signed-in key stops being accepted (revoked): set by main.js, which knows the router. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/** An error answer as an ApiError: its problem+json (or the status when it is not JSON) and Retry-After. */
async function problemOf(response, key) {
  let problem = { title: response.statusText, detail: '' };
  try {
    const json = JSON.parse(await response.text());
    if (json && typeof json === 'object') problem = json;
  } catch {
    // not JSON (a proxy's error page): the status says enough
  }
  if (response.status === 401 && key === undefined && session.key) unauthorized();
  const error = new ApiError(response.status, { ...problem, errors: Array.isArray(problem.errors) ? problem.errors : [] });
  const retry = Number(response.headers.get('Retry-After'));
  if (Number.isFinite(retry) && retry > 0) error.retryAfter = retry;
  return error;
}

/**
 * One call, answered with the Response when it succeeds (for callers that need its status or bytes);
 * every failure is an ApiError, except an abort through {@code signal}, which is rethrown as it is.
 */
export async function request(method, path, { body, key, accept = 'application/json', rawBody, contentType, signal } = {}) {
  const headers = { Accept: accept };
  const apiKey = key ?? session.key;
  if (apiKey) headers['X-Api-Key'] = apiKey;
  if (rawBody !== undefined) headers['Content-Type'] = contentType;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    const sent = rawBody !== undefined ? rawBody : body === undefined ? undefined : JSON.stringify(body);
    response = await fetch(path, { method, headers, body: sent, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'network', detail: String(e.message || e), errors: [] });
  }
  if (!response.ok) throw await problemOf(response, key);
  return response;
}

async function call(method, path, { raw = false, ...options } = {}) {
  const text = await (await request(method, path, options)).text();
  if (raw) return text;
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // a success without a JSON body
  }
}

/** Paths under the signed-in merchant: m('/rule-versions') → /merchants/{code}/rule-versions */
export const m = (path = '') => `/merchants/${encodeURIComponent(session.merchant)}${path}`;

export const api = {
  get: (path, options) => call('GET', path, options),
  put: (path, body, options) => call('PUT', path, { ...options, body }),
  post: (path, body, options) => call('POST', path, { ...options, body }),
  del: (path, options) => call('DELETE', path, options),
  /**
   * every item of a paged list ({items, nextCursor}: docs/api.md, "Paging"), following nextCursor
   * page by page, 500 items a page
   */
  all: async (path, options) => {
    const items = [];
    let cursor = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page = await call('GET', `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, options);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  },
  /** the page after {@code cursor} of a paged list (the first page when cursor is null) */
  page: (path, cursor, options) => {
    const sep = path.includes('?') ? '&' : '?';
    return call('GET', cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path, options);
  },
  /** a text resource (a rule file, a CSV export) as its text; errors are problems as for JSON */
  text: (path, options) => call('GET', path, { ...options, accept: 'text/plain, application/octet-stream, */*', raw: true }),
};
