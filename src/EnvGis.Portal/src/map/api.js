// The server's portal API (see ARCHITECTURE.md). URLs are relative to the page so the portal also
// works behind a path prefix.

/**
 * GETs a JSON document.
 * @param {string} path Path relative to the page.
 * @return {Promise<any>} The parsed body.
 */
async function getJson(path) {
  const url = new URL(path, document.baseURI);
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET ${url.pathname} answered ${response.status}`);
  }
  return response.json();
}

/**
 * @return {Promise<{attribution: string, baseMap: ?{url: string, attribution: string},
 *   initialView: {center: Array<number>, zoom: number}, citation: {vi: string, en: string}}>}
 */
export function getConfig() {
  return getJson('api/portal/config');
}

/** @return {Promise<{categories: Array<Object>}>} The catalogue the caller may see. */
export function getLayers() {
  return getJson('api/layers');
}

/**
 * @param {string} layer Layer name.
 * @return {Promise<Object>} The layer's style (rules and symbolizers).
 */
export function getStyle(layer) {
  return getJson(`api/layers/${encodeURIComponent(layer)}/style`);
}

/**
 * @param {string} layer Layer name.
 * @return {Promise<{tileJson: Object, url: string}>} The TileJSON and its absolute URL (tile
 *   templates in it may be relative to it).
 */
export async function getTileJson(layer) {
  const path = `tiles/${encodeURIComponent(layer)}.json`;
  const tileJson = await getJson(path);
  return { tileJson, url: new URL(path, document.baseURI).href };
}
