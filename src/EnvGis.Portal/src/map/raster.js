// An external XYZ raster base map layer (street map, imagery); fetched only when the server configures one.

import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import { escapeHtml } from '../core/dom.js';

/**
 * @param {{url: string, attribution?: string}} baseMap URL template and attribution (plain text).
 * @param {string} name 'osm' or 'imagery'.
 * @return {TileLayer} Hidden layer under everything.
 */
export function createRasterLayer(baseMap, name) {
  return new TileLayer({
    visible: false,
    source: new XYZ({
      url: baseMap.url,
      attributions: baseMap.attribution ? [escapeHtml(baseMap.attribution)] : undefined,
      attributionsCollapsible: false,
      crossOrigin: 'anonymous',
    }),
    zIndex: -10,
    properties: { envgisBaseMap: name },
  });
}
