// The coordinate reference systems users give geometries in: WGS 84 (EPSG:4326) and VN-2000 TM-3
// (EPSG:9210 for former Hải Phòng, EPSG:9209 for former Hải Dương), defined for proj4 with the exact
// 7-parameter shift of Decision 05/2007/QĐ-BTNMT in PROJ's position-vector convention (see
// docs/vietnam-gis.md: many published strings have the rotation signs flipped, ~0.75 m off).
// Test vector (PROJ 9.1): 20.85 N 106.70 E = E 598 667.63 N 2 306 639.68 (9210), E 624 686.78 N 2 306 813.16 (9209).

import proj4 from 'proj4';

/** The VN-2000 → WGS 84 shift, position-vector convention (PROJ `+towgs84`). */
export const VN2000_TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

/** proj4 definition of a VN-2000 TM-3 zone with the given central meridian (degrees). */
export function vn2000Tm3(centralMeridian) {
  return `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ` +
    `+towgs84=${VN2000_TOWGS84} +units=m +no_defs`;
}

/**
 * The systems a user may type or import coordinates in. `projected` systems are in metres with
 * easting/northing; Vietnamese documents write them as X = northing, Y = easting.
 */
export const SYSTEMS = [
  { code: 'EPSG:9210', projected: true, centralMeridian: 105.75, label: { vi: 'VN-2000 TM-3 KTT 105°45′ (Hải Phòng cũ) — EPSG:9210', en: 'VN-2000 TM-3 CM 105°45′ (former Hải Phòng) — EPSG:9210' } },
  { code: 'EPSG:9209', projected: true, centralMeridian: 105.5, label: { vi: 'VN-2000 TM-3 KTT 105°30′ (Hải Dương cũ) — EPSG:9209', en: 'VN-2000 TM-3 CM 105°30′ (former Hải Dương) — EPSG:9209' } },
  { code: 'EPSG:4326', projected: false, label: { vi: 'WGS 84 (vĩ độ, kinh độ) — EPSG:4326', en: 'WGS 84 (latitude, longitude) — EPSG:4326' } },
];

proj4.defs('EPSG:9210', vn2000Tm3(105.75));
proj4.defs('EPSG:9209', vn2000Tm3(105.5));
// VN-2000 / UTM zone 48N and 49N: national data sometimes comes in these.
proj4.defs('EPSG:3405', `+proj=utm +zone=48 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`);
proj4.defs('EPSG:3406', `+proj=utm +zone=49 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`);
proj4.defs('EPSG:4756', `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs`);

/** EPSG codes proj4 knows here (besides 4326 and 3857, which proj4 has built in). */
export const KNOWN_CODES = ['EPSG:4326', 'EPSG:3857', 'EPSG:9209', 'EPSG:9210', 'EPSG:3405', 'EPSG:3406', 'EPSG:4756'];

/**
 * Normalises an EPSG reference ("EPSG:9210", "urn:ogc:def:crs:EPSG::9210",
 * "http://www.opengis.net/def/crs/EPSG/0/9210", "CRS84") to "EPSG:n", or null.
 * @param {string} name CRS name.
 * @return {?string} "EPSG:n" or null when not an EPSG reference.
 */
export function epsgCode(name) {
  const text = String(name ?? '').trim();
  if (/^(urn:ogc:def:crs:OGC:(1\.3|):?CRS84|OGC:CRS84|CRS:84|http:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84)$/i.test(text)) {
    return 'EPSG:4326';
  }
  const match = /^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/\d+\/)(\d+)$/i.exec(text);
  return match ? `EPSG:${match[1]}` : null;
}

/**
 * A converter from a known system to WGS 84 longitude/latitude.
 * @param {string} code "EPSG:n" (one of KNOWN_CODES) or a proj4 string.
 * @return {function(Array<number>): Array<number>} [x, y] (easting/northing or lon/lat) → [lon, lat].
 */
export function toWgs84(code) {
  if (code === 'EPSG:4326') {
    return (xy) => [xy[0], xy[1]];
  }
  const converter = proj4(code, 'EPSG:4326');
  return (xy) => converter.forward([xy[0], xy[1]]);
}

/**
 * A converter from WGS 84 longitude/latitude to a known system.
 * @param {string} code "EPSG:n" (one of KNOWN_CODES) or a proj4 string.
 * @return {function(Array<number>): Array<number>} [lon, lat] → [x, y].
 */
export function fromWgs84(code) {
  if (code === 'EPSG:4326') {
    return (xy) => [xy[0], xy[1]];
  }
  const converter = proj4('EPSG:4326', code);
  return (xy) => converter.forward([xy[0], xy[1]]);
}

/** Whether proj4 knows a code. */
export function isKnown(code) {
  return KNOWN_CODES.includes(code);
}

/**
 * Applies a coordinate converter to every position of a GeoJSON geometry (a new geometry; any Z is
 * dropped: records are 2D).
 * @param {Object} geometry GeoJSON geometry.
 * @param {function(Array<number>): Array<number>} convert Converter.
 * @return {Object} The converted geometry.
 */
export function transformGeometry(geometry, convert) {
  const positions = (value, depth) =>
    depth === 0 ? convert(value) : value.map((child) => positions(child, depth - 1));
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: positions(geometry.coordinates, 0) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: positions(geometry.coordinates, 1) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: positions(geometry.coordinates, 2) };
    case 'MultiPolygon':
      return { type: geometry.type, coordinates: positions(geometry.coordinates, 3) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map((g) => transformGeometry(g, convert)) };
    default:
      throw new Error(`Unknown geometry type ${geometry.type}`);
  }
}
