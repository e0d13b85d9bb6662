// The signed-in account and what the UI offers it: only what its role and scope allow is shown.

import { onUnauthorized, refreshAntiforgery, request, setAntiforgery } from '../core/http.js';

const listeners = new Set();
/** @type {?Object} The account (GET /api/account/me) or null when anonymous. */
let current = null;

/** @return {?Object} The signed-in account. */
export function account() {
  return current;
}

/** @param {function(?Object): void} listener Called with the account after sign-in and sign-out. */
export function onAccountChange(listener) {
  listeners.add(listener);
}

function set(next) {
  const changed = (current?.userName ?? null) !== (next?.userName ?? null);
  current = next;
  if (changed) {
    listeners.forEach((listener) => listener(current));
  }
}

/**
 * What an account may do in the portal (mirrors EnvGis.Core.Security.RecordPermissions).
 * @param {?Object} acc Account.
 * @return {{edit: boolean, review: boolean, admin: boolean, history: boolean, layers: Array<string>}} Capabilities.
 */
export function capabilities(acc) {
  if (!acc) {
    return { edit: false, review: false, admin: false, history: false, layers: [] };
  }
  const admin = acc.role === 'administrator';
  const layers = acc.canWrite ? acc.editableLayers ?? [] : [];
  const cityLevel = ['department', 'city_department', 'economic_zone_authority'].includes(acc.unit?.kind);
  const approves = acc.role === 'approver' || (acc.role === 'editor' && acc.unit?.selfApprove && cityLevel);
  return {
    edit: layers.length > 0 && acc.area !== null && acc.area !== undefined,
    review: acc.canWrite && layers.length > 0 && (admin || approves),
    admin,
    history: true,
    layers,
  };
}

/**
 * Takes the account the bootstrap answered with (null for anonymous visitors) and its antiforgery token.
 * @param {?Object} acc Account.
 * @param {?string} token Antiforgery token for the signed-in account.
 */
export function adopt(acc, token) {
  if (acc && token) {
    setAntiforgery(token);
  }
  set(acc ?? null);
}

/** Reads who is signed in (after a reload the cookie may still hold a session). */
export async function restore() {
  try {
    // null for anonymous visitors (not an error); 401 only when a session cookie has ended.
    const me = await request('GET', 'api/account/me', { retry: false });
    if (me) {
      await refreshAntiforgery();
    }
    set(me ?? null);
  } catch {
    set(null);
  }
  return current;
}

/**
 * Signs in.
 * @return {Promise<Object>} The account.
 * @throws {import('../core/http.js').ApiError} 401 with the reason when refused.
 */
export async function signIn(userName, password) {
  await refreshAntiforgery();
  const answer = await request('POST', 'api/account/sign-in', { body: { userName, password }, retry: false });
  setAntiforgery(answer.antiforgeryToken);
  set(answer.account);
  return answer.account;
}

/** Signs out (the drafts stay in the browser for the next sign-in of the same user). */
export async function signOut() {
  try {
    await request('POST', 'api/account/sign-out', { retry: false });
  } finally {
    set(null);
    await refreshAntiforgery().catch(() => {});
  }
}

export { onUnauthorized };
