// The hook of a monitoring station's popup (in the main bundle, kept tiny): a placeholder section that
// loads the station view (chart, AQI, advice; src/monitoring/station.js and uPlot) only when a station
// is opened, so the public map does not carry the chart code.

import { h } from '../dom.js';
// The view's few styles ride in the main stylesheet (1 kB): a lazily loaded chunk's CSS would not be applied.
import './monitoring.css';

/**
 * The monitoring section of a station's popup, filled once its code loads.
 * @param {import('ol/Feature.js').FeatureLike} feature A monitoring_stations feature.
 * @return {HTMLElement|null} The section, or null for a feature without a station code.
 */
export function stationPanel(feature) {
  const code = feature.get('code');
  if (!code) {
    return null;
  }
  const section = h('section', { class: 'station-monitoring', dataset: { code: String(code), state: 'loading' } });
  import('./station.js')
    .then(({ renderStation }) => renderStation(section, String(code), feature.get('station_type')))
    .catch((error) => {
      console.error('EnvGis: the station view could not be loaded', error);
      section.dataset.state = 'error';
    });
  return section;
}
