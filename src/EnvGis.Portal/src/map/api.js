// The server's portal API (see README). URLs are relative to the page so the portal also works
// behind a path prefix. Everything the map needs before its first tile comes in one call.

/**
 * GETs a JSON document.
 * @param {string} path Path relative to the page.
 * @return {Promise<any>} The parsed body.
 */
export async function getJson(path) {
  const url = new URL(path, document.baseURI);
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`GET ${url.pathname} answered ${response.status}`);
  }
  return response.json();
}

/**
 * The portal's start-up document (`/api/portal/bootstrap`): config, the signed-in account and its
 * antiforgery token, the categories with the layers the caller may see, their styles and tile URLs.
 * index.html preloads it, so it arrives while the script is still loading.
 * @return {Promise<{config: Object, account: ?Object, antiforgeryToken: ?string, sessionEnded: boolean,
 *   categories: Array<Object>, styles: Object<string, Object>, tiles: Object<string, Object>}>}
 */
export async function getBootstrap() {
  // Same mode and credentials as the <link rel=preload … crossorigin=anonymous> of index.html.
  const url = new URL('api/portal/bootstrap', document.baseURI);
  const response = await fetch(url, { mode: 'cors', credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`GET ${url.pathname} answered ${response.status}`);
  }
  return response.json();
}

/**
 * @param {string} layer Layer name.
 * @return {Promise<Object>} The layer's TileJSON (its bounds give "zoom to layer").
 */
export function getTileJson(layer) {
  return getJson(`tiles/${encodeURIComponent(layer)}.json`);
}
