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

async function call(method, path, { body, key, accept = 'application/json', raw = false, rawBody, contentType } = {}) {
  const headers = { Accept: accept };
  const apiKey = key ?? session.key;
  if (apiKey) headers['X-Api-Key'] = apiKey;
  if (rawBody !== undefined) headers['Content-Type'] = contentType;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    const sent = rawBody !== undefined ? rawBody : body === undefined ? undefined : JSON.stringify(body);
    response = await fetch(path, { method, headers, body: sent });
  } catch (e) {
    throw new ApiError(0, { title: 'network', detail: String(e.message || e) });
  }
  const text = await response.text();
  if (raw && response.ok) return text;
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null; // not JSON (a proxy's error page): reported by status below
  }
  if (!response.ok) {
    const problem = json && typeof json === 'object' ? json : { title: response.statusText, detail: '' };
    if (response.status === 401 && key === undefined && session.key) unauthorized();
    throw new ApiError(response.status, { ...problem, errors: Array.isArray(problem.errors) ? problem.errors : [] });
  }
  return json;
}

/** Paths under the signed-in merchant: m('/rule-versions') → /merchants/{code}/rule-versions */
export const m = (path = '') => `/merchants/${encodeURIComponent(session.merchant)}${path}`;

export const api = {
  get: (path, options) => call('GET', path, options),
  put: (path, body, options) => call('PUT', path, { ...options, body }),
  post: (path, body, options) => call('POST', path, { ...options, body }),
  del: (path, options) => call('DELETE', path, options),
  /** a text resource (a rule file, a CSV export) as its text; errors are problems as for JSON */
  text: (path, options) => call('GET', path, { ...options, accept: 'text/plain, application/octet-stream, */*', raw: true }),
};
