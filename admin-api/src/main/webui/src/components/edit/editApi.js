// The Edit page's calls, on api.js's request(): a compile that a newer one can cancel (AbortSignal),
// a 503's Retry-After (ApiError.retryAfter), rule files as bytes, and an upload's status.
import { m, request } from '../../api.js';

function send(path, { method = 'GET', ...options } = {}) {
  return request(method, path, options);
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
