// The records API (/api/layers/{layer}/records): GeoJSON features in EPSG:4326 whose properties hold
// the attributes, the editable metadata and the system's (status, version, owner…). Every change
// names the version it is based on; a stale one is refused with 409.

import { request } from './http.js';

const base = (layer) => `api/layers/${encodeURIComponent(layer)}/records`;
const one = (layer, id) => `${base(layer)}/${encodeURIComponent(id)}`;

/** The numeric id of a feature id "layer.id". */
export function recordIdOf(featureId) {
  const match = /\.(\d+)$/.exec(String(featureId));
  return match ? Number(match[1]) : null;
}

/** Records of a layer the caller may read, optionally of one status. */
export async function listRecords(layer, { status = null, limit = 1000 } = {}) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (status) {
    query.set('status', status);
  }
  const collection = await request('GET', `${base(layer)}/?${query}`);
  return collection?.features ?? [];
}

export function getRecord(layer, id) {
  return request('GET', `${one(layer, id)}`);
}

/** Creates a record (draft or submitted per the unit's setting). */
export function createRecord(layer, geometry, properties, comment) {
  return request('POST', `${base(layer)}/`, { body: { type: 'Feature', geometry, properties, comment } });
}

/** Replaces a record's attributes and geometry (absent attributes become empty). */
export function replaceRecord(layer, id, version, geometry, properties, comment) {
  return request('PUT', one(layer, id), { body: { type: 'Feature', geometry, properties: { ...properties, version }, comment } });
}

/** Deletes (archives) a record; it can be restored. */
export function archiveRecord(layer, id, version) {
  return request('DELETE', `${one(layer, id)}?version=${encodeURIComponent(version)}`);
}

/** A workflow action: submit, approve, reject, publish. */
export function act(layer, id, action, version, comment) {
  if (!['submit', 'approve', 'reject', 'publish'].includes(action)) {
    throw new Error(`Unknown action ${action}`);
  }
  return request('POST', `${one(layer, id)}/${action}`, { body: { version, comment: comment || null } });
}

/** Brings back the state after a history entry (default: before the last delete). */
export function restoreRecord(layer, id, version, historyId, comment) {
  return request('POST', `${one(layer, id)}/restore`, { body: { version, historyId: historyId ?? null, comment: comment || null } });
}

/** Every change of a record, oldest first. */
export function history(layer, id) {
  return request('GET', `${one(layer, id)}/history`);
}

/** The documents attached to a record the caller may read (anonymous callers: published records only). */
export async function listAttachments(layer, id) {
  const answer = await request('GET', `${one(layer, id)}/attachments`, { retry: false });
  return answer?.attachments ?? [];
}

/** Attaches a document (PDF, image, office file; the server checks type and size); answers with its SHA-256. */
export function uploadAttachment(layer, id, file) {
  const body = new FormData();
  body.append('file', file, file.name);
  return request('POST', `${one(layer, id)}/attachments`, { body });
}

/** Deletes a document of a record (kept on the server and in the audit log). */
export function deleteAttachment(layer, id, attachmentId) {
  return request('DELETE', `${one(layer, id)}/attachments/${encodeURIComponent(attachmentId)}`);
}
