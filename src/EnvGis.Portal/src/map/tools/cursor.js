// The cursor's position under the map: WGS 84 latitude/longitude, and VN-2000 TM-3 (EPSG:9210, the
// Hải Phòng zone) written as cadastral papers write it: X = northing, Y = easting, in metres. The
// VN-2000 conversion (proj4 with the exact 7-parameter shift, core/crs.js) is fetched on first use.

import { toLonLat } from 'ol/proj.js';
import { h } from '../../core/dom.js';
import { locale, onLanguageChange, t } from '../../core/i18n.js';

/** The readout's text parts for a lon/lat and its VN-2000 easting/northing (pure, unit tested). */
export function cursorText([lon, lat], en = null, lang = 'vi') {
  const deg = (v) => v.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  const m = (v) => v.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const [north, east] = lang === 'en' ? ['N', 'E'] : ['B', 'Đ'];
  const wgs = `WGS 84: ${deg(Math.abs(lat))}° ${lat >= 0 ? north : 'S'}, ${deg(Math.abs(lon))}° ${lon >= 0 ? east : 'W'}`;
  const vn = en ? `VN-2000 (EPSG:9210): X ${m(en[1])} m, Y ${m(en[0])} m` : '';
  return { wgs, vn };
}

/** @param {import('ol/Map.js').default} map Map. */
export function setUpCursorCoordinates(map) {
  const wgs = h('span', { class: 'cursor-wgs', dataset: { testid: 'cursor-wgs' } });
  const vn = h('span', { class: 'cursor-vn', dataset: { testid: 'cursor-vn' } });
  const box = h('div', { class: 'cursor-coordinates', 'aria-live': 'off', dataset: { testid: 'cursor' } }, [wgs, vn]);
  map.getViewport().querySelector('.ol-overlaycontainer-stopevent').append(box);
  let project = null;
  let loading = null;
  let last = null;
  const show = () => {
    if (!last) {
      box.hidden = true;
      return;
    }
    const lonLat = toLonLat(last);
    const text = cursorText(lonLat, project ? project(lonLat) : null, locale().startsWith('en') ? 'en' : 'vi');
    wgs.textContent = text.wgs;
    vn.textContent = text.vn;
    box.hidden = false;
    box.title = t('tools.cursor');
  };
  map.on('pointermove', (event) => {
    last = event.coordinate;
    if (!project && !loading) {
      loading = import('../../core/crs.js').then(({ fromWgs84 }) => {
        project = fromWgs84('EPSG:9210');
        show();
      });
    }
    show();
  });
  map.getViewport().addEventListener('pointerleave', () => {
    last = null;
    show();
  });
  onLanguageChange(show);
  show();
}
