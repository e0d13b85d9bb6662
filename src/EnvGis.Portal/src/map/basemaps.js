// The base map under the layers: the sample `land` layer (always there), OpenStreetMap when the
// server sets ENVGIS_BASEMAP_URL, an imagery source when it sets ENVGIS_IMAGERY_URL. The choice is
// state.baseMap; a render function shows the one chosen.

import { portal } from '../core/store.js';

/**
 * @param {import('ol/Map.js').default} map Map.
 * @param {Object} config Portal config (baseMap, imagery).
 * @param {?import('ol/layer/Base.js').default} land The land layer.
 * @return {Promise<Array<string>>} The base maps on offer.
 */
export async function createBaseMaps(map, config, land) {
  const external = new Map();
  if (config.baseMap || config.imagery) {
    const { createRasterLayer } = await import('./raster.js');
    if (config.baseMap) {
      external.set('osm', createRasterLayer(config.baseMap, 'osm'));
    }
    if (config.imagery) {
      external.set('imagery', createRasterLayer(config.imagery, 'imagery'));
    }
  }
  external.forEach((layer) => map.getLayers().insertAt(0, layer));
  const offered = ['land', ...external.keys()];
  map.set('baseMaps', offered);
  portal.subscribe((state, previous) => {
    if (state.baseMap === previous.baseMap && previous !== state) {
      return;
    }
    const chosen = offered.includes(state.baseMap) ? state.baseMap : 'land';
    external.forEach((layer, name) => layer.setVisible(name === chosen));
    land?.setVisible(chosen === 'land');
    map.getTargetElement().classList.toggle('sea', chosen === 'land');
    document.body.dataset.baseMap = chosen;
  });
  // With a street map configured, it is the default (as before: land was the fallback).
  if (config.baseMap && portal.get().baseMap === 'land' && !new URLSearchParams(location.hash.slice(1)).has('base')) {
    portal.set({ baseMap: 'osm' });
  }
  return offered;
}
