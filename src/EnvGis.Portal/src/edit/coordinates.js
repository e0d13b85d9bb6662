// Typed coordinates → a WGS 84 geometry. VN-2000 TM-3 coordinates are written the Vietnamese
// cadastral way by default: X = northing (≈ 2 300 000 m around Hải Phòng), Y = easting
// (≈ 600 000 m); the user may swap the columns. WGS 84 is latitude first by default. Numbers may use
// Vietnamese (2.306.639,68 / 2 306 639,68) or English (2,306,639.68) separators; degrees may be given
// as degrees, minutes and seconds. Problems are reported as i18n keys with parameters, per row.

import { SYSTEMS, toWgs84 } from '../core/crs.js';

/** Where Hải Phòng's coordinates may lie (WGS 84, with a margin around the city's box). */
export const CITY_BOUNDS = { minLon: 105.9, maxLon: 108.0, minLat: 19.9, maxLat: 21.5 };

/** Plausible VN-2000 TM-3 values around Hải Phòng (either zone), metres. */
const EASTING_RANGE = [350000, 800000];
const NORTHING_RANGE = [2150000, 2450000];

export const MAX_VERTICES = 5000;

/**
 * Reads one number as people write it.
 * @param {string} text Text.
 * @return {number} The number, NaN when it is not one.
 */
export function parseNumber(text) {
  let s = String(text ?? '').trim().replace(/[\u00a0\u2009\u202f']/g, ' ').replace(/\u2212/g, '-');
  if (s === '') {
    return NaN;
  }
  // Spaces between digit groups are thousands separators.
  s = s.replace(/(\d)\s+(?=\d{3}(\D|$))/g, '$1');
  if (/\s/.test(s)) {
    return NaN;
  }
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas && dots) {
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    s = s.split(decimal === ',' ? '.' : ',').join('').replace(',', '.');
    if ((s.match(/\./g) ?? []).length > 1) {
      return NaN;
    }
  } else if (commas > 1) {
    s = s.replace(/,/g, '');
  } else if (commas === 1) {
    s = s.replace(',', '.');
  } else if (dots > 1) {
    s = s.replace(/\./g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) {
    return NaN;
  }
  return Number(s);
}

/**
 * Reads an angle: decimal degrees ("20.85", "20,85") or degrees/minutes/seconds ("20°51′00″N",
 * "20 51 0 N", "106°42'E"); S and W make it negative.
 * @param {string} text Text.
 * @return {number} Decimal degrees, NaN when not an angle.
 */
export function parseAngle(text) {
  const s = String(text ?? '').trim().toUpperCase();
  const hemisphere = /([NSEW])$/.exec(s)?.[1];
  const body = s.replace(/[NSEW]$/, '').trim();
  const sign = hemisphere === 'S' || hemisphere === 'W' ? -1 : 1;
  const dms = /^([-+]?\d+(?:[.,]\d+)?)\s*[°º:\s]\s*(?:(\d+(?:[.,]\d+)?)\s*['′:\s]?\s*(?:(\d+(?:[.,]\d+)?)\s*(?:["″]|'')?)?)?$/.exec(body);
  if (dms && /[°º:'′"″\s]/.test(body)) {
    const d = parseNumber(dms[1]);
    const m = dms[2] ? parseNumber(dms[2]) : 0;
    const sec = dms[3] ? parseNumber(dms[3]) : 0;
    if (m >= 60 || sec >= 60 || [d, m, sec].some(Number.isNaN)) {
      return NaN;
    }
    const value = Math.abs(d) + m / 60 + sec / 3600;
    return sign * (d < 0 || String(dms[1]).startsWith('-') ? -value : value);
  }
  const n = parseNumber(body);
  return sign * n;
}

/**
 * Splits pasted text into rows of two values (an optional leading point number is dropped):
 * tab or semicolon separated, else "a, b" with dot decimals, else whitespace separated.
 * @param {string} text Pasted text, one vertex per line.
 * @return {Array<{line: number, first: string, second: string}|{line: number, error: string}>} Rows.
 */
export function splitRows(text) {
  const rows = [];
  String(text ?? '').split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      return;
    }
    let parts;
    if (/[\t;]/.test(line)) {
      parts = line.split(/\s*[\t;]\s*/);
    } else if (/,\s/.test(line) || (/^[^,]*,[^,]*$/.test(line) && /\d\.\d/.test(line))) {
      parts = line.split(/\s*,\s*/);
    } else {
      parts = line.split(/\s+/);
      // "2 306 639,68 598 667,63": regroup digit groups written with spaces.
      if (parts.length > 3) {
        parts = regroup(parts);
      }
    }
    parts = parts.filter((p) => p !== '');
    if (parts.length === 3 && /^[A-Za-z]*\d{1,4}[A-Za-z]*$/.test(parts[0]) && !/[.,]/.test(parts[0])) {
      parts = parts.slice(1);
    }
    if (parts.length !== 2) {
      rows.push({ line: index + 1, error: 'coord.rowFormat' });
    } else {
      rows.push({ line: index + 1, first: parts[0], second: parts[1] });
    }
  });
  return rows;
}

/** Joins thousands groups: ["2", "306", "639,68", "598", "667,63"] → ["2306639,68", "598667,63"]. */
function regroup(tokens) {
  const merged = [];
  for (const token of tokens) {
    const previous = merged[merged.length - 1];
    if (previous && previous.open && /^\d{3}([.,]\d+)?$/.test(token)) {
      previous.text += token;
      previous.open = /^\d{3}$/.test(token);
    } else {
      merged.push({ text: token, open: /^\d{1,3}$/.test(token) });
    }
  }
  return merged.map((m) => m.text);
}

/**
 * Reads rows of typed coordinates into WGS 84 positions.
 * @param {Array<{first: string, second: string, line?: number}>} rows Two values per row, in the
 *   column order the user chose.
 * @param {{system: string, swapped?: boolean}} options `system` is 'EPSG:9210', 'EPSG:9209' or
 *   'EPSG:4326'; without `swapped`, projected rows are X (northing), Y (easting) and geographic rows are
 *   latitude, longitude; `swapped` reverses that.
 * @return {{positions: Array<Array<number>>, errors: Array<{row: number, key: string, params?: Object}>,
 *   swapHint: boolean}} Positions [lon, lat]; per-row problems; whether the values look swapped.
 */
export function readCoordinates(rows, { system, swapped = false }) {
  const definition = SYSTEMS.find((s) => s.code === system);
  if (!definition) {
    throw new Error(`Unknown system ${system}`);
  }
  const positions = [];
  const errors = [];
  let swapLike = 0;
  const convert = toWgs84(system);
  if (rows.length > MAX_VERTICES) {
    return { positions, errors: [{ row: 0, key: 'coord.tooMany', params: { max: String(MAX_VERTICES) } }], swapHint: false };
  }
  rows.forEach((row, index) => {
    const rowNumber = row.line ?? index + 1;
    if (row.error) {
      errors.push({ row: rowNumber, key: row.error });
      return;
    }
    const parse = definition.projected ? parseNumber : parseAngle;
    const a = parse(row.first);
    const b = parse(row.second);
    if (Number.isNaN(a) || Number.isNaN(b)) {
      errors.push({ row: rowNumber, key: 'coord.notNumber' });
      return;
    }
    let position;
    if (definition.projected) {
      const [northing, easting] = swapped ? [b, a] : [a, b];
      const inRange = (v, [lo, hi]) => v >= lo && v <= hi;
      if (!inRange(northing, NORTHING_RANGE) || !inRange(easting, EASTING_RANGE)) {
        if (inRange(easting, NORTHING_RANGE) && inRange(northing, EASTING_RANGE)) {
          swapLike++;
          errors.push({ row: rowNumber, key: 'coord.looksSwapped' });
        } else {
          errors.push({ row: rowNumber, key: 'coord.outOfZone' });
        }
        return;
      }
      position = convert([easting, northing]);
    } else {
      const [lat, lon] = swapped ? [b, a] : [a, b];
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        if (Math.abs(lon) <= 90 && Math.abs(lat) <= 180) {
          swapLike++;
          errors.push({ row: rowNumber, key: 'coord.looksSwapped' });
        } else {
          errors.push({ row: rowNumber, key: 'coord.outOfRange' });
        }
        return;
      }
      position = [lon, lat];
    }
    const [lon, lat] = position;
    if (lon < CITY_BOUNDS.minLon || lon > CITY_BOUNDS.maxLon || lat < CITY_BOUNDS.minLat || lat > CITY_BOUNDS.maxLat) {
      if (!definition.projected && lat >= CITY_BOUNDS.minLon && lat <= CITY_BOUNDS.maxLon
          && lon >= CITY_BOUNDS.minLat && lon <= CITY_BOUNDS.maxLat) {
        swapLike++;
        errors.push({ row: rowNumber, key: 'coord.looksSwapped' });
      } else {
        errors.push({ row: rowNumber, key: 'coord.outsideCity' });
      }
      return;
    }
    positions.push(position);
  });
  return { positions, errors, swapHint: swapLike > 0 };
}

/**
 * Makes the geometry a layer wants from typed positions: a point, a line, or a polygon (closed here
 * when the user did not repeat the first vertex).
 * @param {Array<Array<number>>} positions [lon, lat] positions.
 * @param {string} kind The catalogue's geometryType: Point, MultiLineString or MultiPolygon.
 * @return {{geometry: ?Object, error: ?string}} A GeoJSON geometry (EPSG:4326) or an i18n key.
 */
export function geometryFromPositions(positions, kind) {
  const distinct = positions.filter((p, i) => i === 0 || p[0] !== positions[i - 1][0] || p[1] !== positions[i - 1][1]);
  switch (kind) {
    case 'Point':
      return distinct.length === 1
        ? { geometry: { type: 'Point', coordinates: distinct[0] }, error: null }
        : { geometry: null, error: 'coord.pointNeedsOne' };
    case 'MultiLineString':
      return distinct.length >= 2
        ? { geometry: { type: 'LineString', coordinates: distinct }, error: null }
        : { geometry: null, error: 'coord.lineNeedsTwo' };
    case 'MultiPolygon': {
      const ring = [...distinct];
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) {
        ring.pop();
      }
      if (ring.length < 3) {
        return { geometry: null, error: 'coord.polygonNeedsThree' };
      }
      return { geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] }, error: null };
    }
    default:
      return { geometry: null, error: 'coord.unknownKind' };
  }
}

/**
 * The positions of a geometry written in a system, for showing a drawn geometry's vertices the way a
 * surveyor reads them.
 * @param {Array<number>} position [lon, lat].
 * @param {string} system EPSG code.
 * @param {function(Array<number>): Array<number>} fromWgs84 Converter to the system.
 * @return {{x: number, y: number}} Projected: x = northing, y = easting (cadastral); geographic: x = lat, y = lon.
 */
export function cadastralXY(position, system, fromWgs84) {
  const [a, b] = fromWgs84(position);
  return system === 'EPSG:4326' ? { x: position[1], y: position[0] } : { x: b, y: a };
}
