// The calls of the Edit page that src/api.js does not cover: a compile that a newer one can cancel
// (AbortSignal), a 503's Retry-After, and rule files as bytes. Errors are the same ApiError as
// everywhere in the console, shown with <ProblemMessage>.
import { ApiError, m } from '../../api.js';
import { session } from '../../session.js';

async function problemOf(response) {
  let problem = { title: response.statusText, detail: '' };
  try {
    const json = JSON.parse(await response.text());
    if (json && typeof json === 'object') problem = json;
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  const error = new ApiError(response.status, { ...problem, errors: Array.isArray(problem.errors) ? problem.errors : [] });
  const retry = Number(response.headers.get('Retry-After'));
  if (Number.isFinite(retry) && retry > 0) error.retryAfter = retry;
  return error;
}

async function send(path, { method = 'GET', body, signal, accept = 'application/json' } = {}) {
  const headers = { Accept: accept, 'X-Api-Key': session.key };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'network', detail: String(e.message || e), errors: [] });
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** POST /merchants/{code}/compilations: { ok, contentHash, diagnostics, rules }. */
export async function compileDraft(files, signal) {
  const response = await send(m('/compilations'), { method: 'POST', body: { files }, signal });
  return response.json();
}

/** A stored file's bytes: GET …/rule-versions/{n}/files/{name} (each folder of the name encoded). */
export async function fileBytes(version, name) {
  const path = name.split('/').map(encodeURIComponent).join('/');
  const response = await send(m(`/rule-versions/${version}/files/${path}`), { accept: '*/*' });
  return new Uint8Array(await response.arrayBuffer());
}

/** POST /merchants/{code}/spreadsheet-previews: the workbook's sheets as grids of text. */
export async function previewSpreadsheet(name, base64, signal) {
  const response = await send(m('/spreadsheet-previews'), { method: 'POST', body: { name, content: base64 }, signal });
  return response.json();
}

/** POST /merchants/{code}/rule-versions (JSON): { created (201, else 200: identical to a version), version }. */
export async function uploadVersion(description, files) {
  const response = await send(m('/rule-versions'), { method: 'POST', body: { description, files } });
  return { created: response.status === 201, version: await response.json() };
}
