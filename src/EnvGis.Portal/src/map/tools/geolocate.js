// "My location": the browser's position (asked once per click), the map centred on it with a marker
// and the accuracy circle.

import Feature from 'ol/Feature.js';
import Circle from 'ol/geom/Circle.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import { t } from '../../core/i18n.js';

let source = null;

/**
 * @param {import('ol/Map.js').default} map Map.
 * @param {function(string): void} say Message line.
 */
export function locate(map, say) {
  if (!navigator.geolocation) {
    say(t('tools.locateUnavailable'));
    return;
  }
  if (!source) {
    source = new VectorSource();
    map.addLayer(new VectorLayer({
      source,
      zIndex: 6001,
      style: new Style({
        image: new CircleStyle({ radius: 7, fill: new Fill({ color: '#1e88e5' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
        fill: new Fill({ color: 'rgba(30, 136, 229, 0.12)' }),
        stroke: new Stroke({ color: '#1e88e5', width: 1 }),
      }),
      properties: { envgisRole: 'location' },
    }));
  }
  say(t('tools.locating'));
  navigator.geolocation.getCurrentPosition((position) => {
    const at = fromLonLat([position.coords.longitude, position.coords.latitude]);
    source.clear();
    source.addFeatures([new Feature(new Circle(at, position.coords.accuracy || 0)), new Feature(new Point(at))]);
    map.getView().animate({ center: at, zoom: Math.max(map.getView().getZoom(), 15), duration: 250 });
    say(t('tools.located', { accuracy: String(Math.round(position.coords.accuracy || 0)) }));
    document.body.dataset.located = `${position.coords.longitude},${position.coords.latitude}`;
  }, () => say(t('tools.locateRefused')), { enableHighAccuracy: true, timeout: 15000 });
}
