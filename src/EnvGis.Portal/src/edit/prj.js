// Reads a Shapefile's .prj (WKT 1, ESRI or OGC flavour) into a proj4 definition. Any system on the
// VN-2000 datum gets the exact shift of Decision 05/2007 (crs.js), whatever TOWGS84 the file carries:
// ESRI .prj files carry none (proj4 would then skip the ~200 m datum shift) and many others carry the
// rotations with flipped signs. The TM-3 zones of Hải Phòng and Hải Dương are recognised as EPSG:9210
// and EPSG:9209.

import { VN2000_TOWGS84, vn2000Tm3 } from '../core/crs.js';

/**
 * Parses WKT 1 into nodes {keyword, args}, args being strings, numbers or nodes.
 * @param {string} text WKT.
 * @return {{keyword: string, args: Array<any>}} The root node.
 */
export function parseWkt(text) {
  const source = String(text).trim();
  let i = 0;
  const skip = () => {
    while (i < source.length && /\s/.test(source[i])) {
      i++;
    }
  };
  const fail = (what) => {
    throw new Error(`Invalid WKT: ${what} at ${i}`);
  };
  function node() {
    skip();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (!match) {
      fail('keyword expected');
    }
    i += match[0].length;
    skip();
    const open = source[i];
    if (open !== '[' && open !== '(') {
      return { keyword: match[0].toUpperCase(), args: [] };
    }
    const close = open === '[' ? ']' : ')';
    i++;
    const args = [];
    for (;;) {
      skip();
      const c = source[i];
      if (c === undefined) {
        fail('unexpected end');
      }
      if (c === '"') {
        const end = source.indexOf('"', i + 1);
        if (end < 0) {
          fail('unterminated string');
        }
        args.push(source.slice(i + 1, end));
        i = end + 1;
      } else if (/[-+.\d]/.test(c)) {
        const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(source.slice(i));
        if (!number) {
          fail('number expected');
        }
        args.push(Number(number[0]));
        i += number[0].length;
      } else {
        args.push(node());
      }
      skip();
      if (source[i] === ',') {
        i++;
      } else if (source[i] === close) {
        i++;
        return { keyword: match[0].toUpperCase(), args };
      } else {
        fail(`"," or "${close}" expected`);
      }
    }
  }
  const root = node();
  skip();
  if (i !== source.length) {
    fail('trailing text');
  }
  return root;
}

const children = (node, keyword) => node.args.filter((a) => typeof a === 'object' && a.keyword === keyword);
const child = (node, keyword) => children(node, keyword)[0];

/** Whether a datum name is VN-2000 ("VN_2000", "D_Vietnam_2000", "Vietnam 2000", "VN-2000"…). */
export function isVn2000Name(name) {
  return /v(?:iet)?[\s_-]?n(?:am)?[\s_-]?2000/i.test(String(name ?? ''));
}

function authority(node) {
  const auth = node && child(node, 'AUTHORITY');
  return auth && String(auth.args[0]).toUpperCase() === 'EPSG' ? `EPSG:${auth.args[1]}` : null;
}

const near = (a, b, tolerance = 1e-9) => Math.abs(a - b) <= tolerance;

/**
 * A .prj → how to read the coordinates.
 * @param {string} wkt The .prj text.
 * @return {{code: ?string, proj4: ?string, name: string, vn2000: boolean}} `code` is an EPSG code
 *   proj4 knows here (crs.js), else `proj4` is a proj4 definition; `vn2000` tells the exact shift was used.
 * @throws {Error} When the WKT cannot be read or uses units or a projection this reader does not support.
 */
export function readPrj(wkt) {
  const root = parseWkt(wkt);
  const name = String(root.args[0] ?? '');
  if (root.keyword === 'GEOGCS') {
    const datum = child(root, 'DATUM');
    if (isVn2000Name(datum?.args[0]) || authority(root) === 'EPSG:4756') {
      return { code: 'EPSG:4756', proj4: null, name, vn2000: true };
    }
    if (/wgs[\s_]*(19)?84/i.test(String(datum?.args[0])) || authority(root) === 'EPSG:4326') {
      return { code: 'EPSG:4326', proj4: null, name, vn2000: false };
    }
    throw new Error(`Unsupported geographic system "${name}"`);
  }
  if (root.keyword !== 'PROJCS') {
    throw new Error(`Unsupported WKT ${root.keyword}`);
  }
  const geog = child(root, 'GEOGCS');
  const datumName = child(geog ?? root, 'DATUM')?.args[0];
  const code = authority(root);
  const vn2000 = isVn2000Name(datumName) || isVn2000Name(name) || ['EPSG:9209', 'EPSG:9210', 'EPSG:3405', 'EPSG:3406'].includes(code);
  if (!vn2000) {
    if (code === 'EPSG:3857' || code === 'EPSG:4326') {
      return { code, proj4: null, name, vn2000: false };
    }
    // Any other system: proj4's own WKT reader.
    return { code: null, proj4: String(wkt), name, vn2000: false };
  }
  if (code === 'EPSG:9209' || code === 'EPSG:9210' || code === 'EPSG:3405' || code === 'EPSG:3406') {
    return { code, proj4: null, name, vn2000: true };
  }
  const projection = String(child(root, 'PROJECTION')?.args[0] ?? '').toLowerCase().replace(/[\s_]/g, '');
  if (projection !== 'transversemercator') {
    throw new Error(`Unsupported VN-2000 projection "${projection}"`);
  }
  const unit = child(root, 'UNIT');
  if (unit && !near(Number(unit.args[1]), 1)) {
    throw new Error(`Unsupported unit "${unit.args[0]}"`);
  }
  const parameters = {};
  for (const parameter of children(root, 'PARAMETER')) {
    parameters[String(parameter.args[0]).toLowerCase().replace(/[\s_]/g, '')] = Number(parameter.args[1]);
  }
  const lon0 = parameters.centralmeridian ?? parameters.longitudeofcenter ?? parameters.longitudeoforigin;
  const k = parameters.scalefactor ?? 1;
  const x0 = parameters.falseeasting ?? 0;
  const y0 = parameters.falsenorthing ?? 0;
  const lat0 = parameters.latitudeoforigin ?? 0;
  if (!Number.isFinite(lon0)) {
    throw new Error('The central meridian is missing');
  }
  if (near(k, 0.9999) && near(x0, 500000) && near(y0, 0) && near(lat0, 0)) {
    if (near(lon0, 105.75)) {
      return { code: 'EPSG:9210', proj4: null, name, vn2000: true };
    }
    if (near(lon0, 105.5)) {
      return { code: 'EPSG:9209', proj4: null, name, vn2000: true };
    }
    return { code: null, proj4: vn2000Tm3(lon0), name, vn2000: true };
  }
  return {
    code: null,
    proj4: `+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=${y0} +ellps=WGS84 ` +
      `+towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
    name,
    vn2000: true,
  };
}
