// A monitoring station's part of the feature card (registered in main.js as the card extension of
// monitoring_stations, loaded on demand so the public map does not carry the chart code): the latest
// VN_AQI with its band and advice, the chart and the CSV download (src/monitoring/station.js, uPlot).

import { h } from '../core/dom.js';
import { renderStation } from './station.js';

/**
 * Fills the card's element for one station.
 * @param {HTMLElement} element The element the card reserved for this extension.
 * @param {{feature: import('ol/Feature.js').FeatureLike}} context The station's feature.
 */
export default function fillStationCard(element, { feature }) {
  const code = feature.get('code');
  if (!code) {
    element.remove();
    return;
  }
  const section = h('section', { class: 'station-monitoring', dataset: { code: String(code), state: 'loading' } });
  element.append(section);
  renderStation(section, String(code), feature.get('station_type'));
}
