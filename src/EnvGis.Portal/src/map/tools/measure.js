// Measuring on the map: distance along a drawn line, area of a drawn polygon, on the ellipsoid
// (ol/sphere), shown beside the sketch while drawing and kept until the next measure.

import Draw from 'ol/interaction/Draw.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { getArea, getLength } from 'ol/sphere.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import { t } from '../../core/i18n.js';
import { formatArea, formatLength } from './units.js';

const STYLE = new Style({
  fill: new Fill({ color: 'rgba(255, 235, 59, 0.25)' }),
  stroke: new Stroke({ color: '#f57f17', width: 3, lineDash: [8, 6] }),
});

/**
 * @param {import('ol/Map.js').default} map Map.
 * @param {function(string): void} say Shows the result.
 * @return {{setKind: function(?('line'|'area')): void}} Control.
 */
export function createMeasure(map, say) {
  const source = new VectorSource();
  map.addLayer(new VectorLayer({ source, style: STYLE, zIndex: 6000, properties: { envgisRole: 'measure' } }));
  let draw = null;
  const text = (geometry) => (geometry.getType() === 'Polygon'
    ? t('tools.area', { value: formatArea(getArea(geometry)) })
    : t('tools.distance', { value: formatLength(getLength(geometry)) }));
  return {
    setKind(kind) {
      if (draw) {
        map.removeInteraction(draw);
        draw = null;
        map.set('editing', false);
      }
      if (!kind) {
        source.clear();
        return;
      }
      draw = new Draw({ source, type: kind === 'area' ? 'Polygon' : 'LineString', style: STYLE, stopClick: true });
      draw.on('drawstart', (event) => {
        source.clear();
        event.feature.getGeometry().on('change', (e) => say(text(e.target)));
      });
      draw.on('drawend', (event) => {
        const result = text(event.feature.getGeometry());
        say(result);
        document.body.dataset.measure = result;
      });
      map.addInteraction(draw);
      // Clicks belong to the measure, not to the popup.
      map.set('editing', true);
      say(t(kind === 'area' ? 'tools.measureAreaHint' : 'tools.measureLineHint'));
    },
  };
}
