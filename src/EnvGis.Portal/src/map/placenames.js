// Place names on the base map: the communes' names (their label points come with the tiles), drawn
// over every layer from city zoom on, whether or not the communes layer is shown. They share the
// communes layer's tile source, so no tile is fetched twice.

import VectorTileLayer from 'ol/layer/VectorTile.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';
import { labelAnchor } from './styles.js';

const NAME = new Style({
  text: new Text({
    font: '600 12px "Noto Sans", "DejaVu Sans", sans-serif',
    fill: new Fill({ color: '#263238' }),
    stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.9)', width: 3 }),
    overflow: false,
  }),
  geometry: labelAnchor,
});

/**
 * @param {import('ol/Map.js').default} map Map.
 * @param {?VectorTileLayer} communes The communes layer (its source is shared).
 * @return {?VectorTileLayer} The names layer.
 */
export function createPlaceNames(map, communes) {
  if (!communes) {
    return null;
  }
  const layer = new VectorTileLayer({
    source: communes.getSource(),
    minZoom: 10,
    zIndex: 5000,
    declutter: 'placenames',
    style: (feature) => {
      const name = feature.get('name');
      if (!name || communes.getVisible()) {
        return null; // the communes layer labels them itself
      }
      NAME.getText().setText(String(name));
      return NAME;
    },
    properties: { envgisPlaceNames: true },
  });
  communes.on('change:visible', () => layer.changed());
  map.addLayer(layer);
  return layer;
}
