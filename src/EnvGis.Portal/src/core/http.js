// JSON requests to the server's API for signed-in work: the antiforgery token on every change
// (X-CSRF-TOKEN), RFC 7807 problems turned into ApiError, and a 401 in the middle of work handed to
// the sign-in dialog, after which the request is sent again once (nothing typed is lost meanwhile:
// drafts live in localStorage).

/** A refusal from the server: status and the problem details' title, detail, field and code. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem?.title ?? null;
    this.detail = problem?.detail ?? null;
    this.field = problem?.field ?? null;
    /** Machine-readable reason: 'outside-scope', 'stale-version', 'invalid-geometry' (else null). */
    this.code = problem?.code ?? null;
  }
}

const state = {
  token: null,
  header: 'X-CSRF-TOKEN',
  /** @type {?function(): Promise<boolean>} Asks the user to sign in again; true when they did. */
  reauthenticate: null,
};

/** Sets the antiforgery token (from the sign-in answer or GET /api/account/antiforgery). */
export function setAntiforgery(token, header = 'X-CSRF-TOKEN') {
  state.token = token;
  state.header = header || 'X-CSRF-TOKEN';
}

/** Fetches a fresh antiforgery token for the current user (anonymous before sign-in). */
export async function refreshAntiforgery() {
  const answer = await request('GET', 'api/account/antiforgery', { retry: false });
  setAntiforgery(answer.token, answer.headerName);
  return answer.token;
}

/** @param {?function(): Promise<boolean>} handler Called on a 401 during signed-in work. */
export function onUnauthorized(handler) {
  state.reauthenticate = handler;
}

/**
 * Sends a request.
 * @param {string} method HTTP method.
 * @param {string} path Path relative to the page.
 * @param {Object} [options] Options.
 * @param {any} [options.body] JSON body, or FormData sent as multipart/form-data.
 * @param {Object<string, string>} [options.headers] Extra headers.
 * @param {boolean} [options.retry=true] Whether a 401 asks the user to sign in again and retries.
 * @return {Promise<any>} The parsed JSON answer (null for 204).
 * @throws {ApiError} When the server refuses.
 */
export async function request(method, path, { body, headers = {}, retry = true } = {}) {
  const url = new URL(path, document.baseURI);
  const init = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/geo+json, application/problem+json', ...headers },
  };
  if (method !== 'GET' && method !== 'HEAD' && state.token) {
    init.headers[state.header] = state.token;
  }
  if (body instanceof FormData) {
    init.body = body; // multipart: the browser sets the Content-Type with its boundary
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, { title: 'network' });
  }
  if (response.status === 401 && retry && state.reauthenticate) {
    if (await state.reauthenticate()) {
      return request(method, path, { body, headers, retry: false });
    }
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}
