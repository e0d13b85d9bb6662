// The permalink: the view, the layers shown, the base map, the date and the selected record in the
// address (#map=zoom/lat/lon&layers=a,b&base=osm&date=2025-01-01&sel=layer.id), kept up to date
// while the map is used, read when the page opens. Pure parts (parse, format) are unit tested.

import { fromLonLat, toLonLat } from 'ol/proj.js';
import { portal } from '../core/store.js';

/**
 * Reads a permalink hash.
 * @param {string} hash location.hash.
 * @return {{center?: Array<number>, zoom?: number, layers?: Array<string>, base?: string, date?: string,
 *   selection?: {layer: string, id: number}}} What it names (lon/lat centre).
 */
export function parsePermalink(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const out = {};
  const view = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(params.get('map') ?? '');
  if (view) {
    const [zoom, lat, lon] = view.slice(1).map(Number);
    if (zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) {
      Object.assign(out, { zoom, center: [lon, lat] });
    }
  }
  if (params.has('layers')) {
    out.layers = params.get('layers').split(',').filter((name) => /^[a-z][a-z0-9_]*$/.test(name));
  }
  if (/^[a-z]+$/.test(params.get('base') ?? '')) {
    out.base = params.get('base');
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '')) {
    out.date = params.get('date');
  }
  const sel = /^([a-z][a-z0-9_]*)\.(\d+)$/.exec(params.get('sel') ?? '');
  if (sel) {
    out.selection = { layer: sel[1], id: Number(sel[2]) };
  }
  return out;
}

/**
 * Writes a permalink hash.
 * @param {{center: Array<number>, zoom: number, layers: Array<string>, base?: string, date?: ?string,
 *   selection?: ?{layer: string, id: number}}} view What to keep.
 * @return {string} The hash, without '#'.
 */
export function formatPermalink({ center, zoom, layers, base, date, selection }) {
  const parts = [`map=${zoom.toFixed(2).replace(/\.?0+$/, '')}/${center[1].toFixed(5)}/${center[0].toFixed(5)}`, `layers=${layers.join(',')}`];
  if (base && base !== 'land') {
    parts.push(`base=${base}`);
  }
  if (date) {
    parts.push(`date=${date}`);
  }
  if (selection) {
    parts.push(`sel=${selection.layer}.${selection.id}`);
  }
  return parts.join('&');
}

/** Sets the view from the address; true when it named one. */
export function readPermalink(map) {
  const link = parsePermalink(location.hash);
  if (!link.center) {
    return false;
  }
  map.getView().setCenter(fromLonLat(link.center));
  map.getView().setZoom(link.zoom);
  return true;
}

/**
 * Applies the rest of the address (layers, base map, date, selection) and keeps it current.
 * @param {import('ol/Map.js').default} map Map.
 * @param {Map<string, import('ol/layer/Base.js').default>} layers Layers by name.
 * @param {{openRecord: function(string, number): Promise<void>}} popup The popup (opens the selection).
 */
export function setUpPermalink(map, layers, popup) {
  const link = parsePermalink(location.hash);
  if (link.layers) {
    layers.forEach((layer, name) => layer.setVisible(name === 'land' ? layer.getVisible() : link.layers.includes(name)));
  }
  portal.set({ ...(link.base ? { baseMap: link.base } : {}), ...(link.date ? { date: link.date } : {}) });
  if (link.selection) {
    popup.openRecord(link.selection.layer, link.selection.id, { fit: !link.center }).catch(() => {});
  }

  let pending = 0;
  const write = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      const view = map.getView();
      if (!view.getCenter()) {
        return;
      }
      const state = portal.get();
      const hash = formatPermalink({
        center: toLonLat(view.getCenter()),
        zoom: view.getZoom(),
        layers: [...layers].filter(([, layer]) => layer.getVisible()).map(([name]) => name),
        base: state.baseMap,
        date: state.date,
        selection: state.selection,
      });
      history.replaceState(null, '', `#${hash}`);
      document.body.dataset.permalink = hash;
    });
  };
  map.on('moveend', write);
  layers.forEach((layer) => layer.on('change:visible', write));
  portal.subscribe(write);
}
