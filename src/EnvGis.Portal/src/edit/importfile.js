// Geometries from a file: GeoJSON, KML/KMZ, GPX, zipped Shapefile. Everything comes out in WGS 84
// (EPSG:4326) as GeoJSON features fitted to the target layer's geometry type; each becomes a draft.
// Limits keep the browser responsive and the drafts reviewable; every problem is an i18n key.

import { epsgCode, isKnown, toWgs84, transformGeometry } from '../core/crs.js';
import { ImportError, readShapefiles, unzipFiles } from './shapefile.js';

export { ImportError };

export const LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  features: 500,
  vertices: 200000,
};

/** File kinds by extension. */
export function kindOf(name) {
  const extension = /\.([a-z0-9]+)$/i.exec(String(name))?.[1]?.toLowerCase();
  return { geojson: 'geojson', json: 'geojson', kml: 'kml', kmz: 'kmz', gpx: 'gpx', zip: 'zip', shp: 'shp' }[extension] ?? null;
}

const utf8 = new TextDecoder('utf-8');

function parseJson(bytes) {
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    throw new ImportError('import.badJson');
  }
}

/** GeoJSON object → features (a bare geometry or a Feature count as one). */
function geoJsonFeatures(object) {
  if (!object || typeof object !== 'object') {
    throw new ImportError('import.badGeoJson');
  }
  if (object.type === 'FeatureCollection' && Array.isArray(object.features)) {
    return object.features.filter((f) => f && typeof f === 'object');
  }
  if (object.type === 'Feature') {
    return [object];
  }
  if (typeof object.type === 'string' && (object.coordinates || object.geometries)) {
    return [{ type: 'Feature', geometry: object, properties: {} }];
  }
  throw new ImportError('import.badGeoJson');
}

/** The EPSG code a GeoJSON file states in its (pre-RFC 7946) "crs" member, or null. */
function geoJsonCrs(object) {
  const name = object?.crs?.properties?.name;
  if (!name) {
    return null;
  }
  const code = epsgCode(name);
  if (!code || !isKnown(code)) {
    throw new ImportError('import.unknownCrs', { crs: String(name).slice(0, 80) });
  }
  return code;
}

/** Reads KML or GPX with OpenLayers' formats (browser only: they need DOMParser). */
async function xmlFeatures(text, kind) {
  const [{ default: GeoJSON }, { default: Format }] = await Promise.all([
    import('ol/format/GeoJSON.js'),
    kind === 'gpx' ? import('ol/format/GPX.js') : import('ol/format/KML.js'),
  ]);
  let features;
  try {
    const format = kind === 'gpx' ? new Format() : new Format({ extractStyles: false, showPointNames: false });
    features = format.readFeatures(text, { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:4326' });
  } catch {
    throw new ImportError(kind === 'gpx' ? 'import.badGpx' : 'import.badKml');
  }
  const writer = new GeoJSON();
  return features.map((feature) => {
    const object = writer.writeFeatureObject(feature, { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:4326' });
    const properties = { ...(object.properties ?? {}) };
    for (const [name, value] of Object.entries(properties)) {
      if (value !== null && typeof value === 'object') {
        delete properties[name]; // styles, link lists…
      }
    }
    return { type: 'Feature', geometry: object.geometry, properties };
  });
}

/** Whether coordinates are clearly not longitude/latitude (projected metres). */
function looksProjected(features) {
  for (const feature of features) {
    let found = false;
    const walk = (value) => {
      if (found || !Array.isArray(value)) {
        return;
      }
      if (typeof value[0] === 'number') {
        found = Math.abs(value[0]) > 180 || Math.abs(value[1]) > 90;
      } else {
        value.forEach(walk);
      }
    };
    walk(feature.geometry?.coordinates);
    feature.geometry?.geometries?.forEach((g) => walk(g.coordinates));
    if (found) {
      return true;
    }
  }
  return false;
}

function countVertices(geometry) {
  if (!geometry) {
    return 0;
  }
  if (geometry.type === 'GeometryCollection') {
    return geometry.geometries.reduce((sum, g) => sum + countVertices(g), 0);
  }
  let count = 0;
  const walk = (value) => {
    if (typeof value[0] === 'number') {
      count++;
    } else {
      value.forEach(walk);
    }
  };
  walk(geometry.coordinates ?? []);
  return count;
}

/** Splits collections and multi-points; keeps the properties with each piece. */
function explode(feature) {
  const g = feature.geometry;
  if (g?.type === 'GeometryCollection') {
    return g.geometries.flatMap((member) => explode({ ...feature, geometry: member }));
  }
  return [feature];
}

/**
 * Fits features to a layer's geometry type: Point layers take points (a multipoint gives one draft per
 * point); line layers lines; polygon layers polygons. Others are counted as skipped.
 * @param {Array<Object>} features GeoJSON features in EPSG:4326.
 * @param {string} kind Point, MultiLineString or MultiPolygon.
 * @return {{features: Array<Object>, skipped: number, empty: number}} The fitting features.
 */
export function fitToLayer(features, kind) {
  const out = [];
  let skipped = 0;
  let empty = 0;
  for (const feature of features.flatMap(explode)) {
    const g = feature.geometry;
    if (!g || !g.type) {
      empty++;
      continue;
    }
    if (kind === 'Point' && g.type === 'Point') {
      out.push(feature);
    } else if (kind === 'Point' && g.type === 'MultiPoint') {
      g.coordinates.forEach((c) => out.push({ ...feature, geometry: { type: 'Point', coordinates: c } }));
    } else if (kind === 'MultiLineString' && (g.type === 'LineString' || g.type === 'MultiLineString')) {
      out.push(feature);
    } else if (kind === 'MultiPolygon' && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      out.push(feature);
    } else {
      skipped++;
    }
  }
  return { features: out, skipped, empty };
}

/** Drops Z/M values: records are 2D. */
function to2d(geometry) {
  return transformGeometry(geometry, (p) => [p[0], p[1]]);
}

/**
 * Reads a file into WGS 84 features for a layer.
 * @param {{name: string, bytes: Uint8Array}} file The file.
 * @param {Object} options Options.
 * @param {string} options.kind The layer's geometry type (Point, MultiLineString, MultiPolygon).
 * @param {?string} [options.assumeCrs] System of coordinates the file does not state (a Shapefile
 *   without .prj, GeoJSON in metres): 'EPSG:9210', 'EPSG:9209' or 'EPSG:4326'.
 * @return {Promise<{features: Array<Object>, crs: string, skipped: number, empty: number, sources: Array<string>}>}
 * @throws {ImportError} With the reason (i18n key and parameters).
 */
export async function importFile(file, { kind, assumeCrs = null }) {
  const size = file.bytes.byteLength;
  if (size > LIMITS.fileBytes) {
    throw new ImportError('import.fileTooLarge', { size: (size / 1048576).toFixed(1), max: String(LIMITS.fileBytes / 1048576) });
  }
  if (size === 0) {
    throw new ImportError('import.emptyFile');
  }
  const type = kindOf(file.name);
  /** @type {Array<{features: Array<Object>, crs: ?string, proj4?: ?string, name: string}>} */
  let groups;
  switch (type) {
    case 'geojson': {
      const object = parseJson(file.bytes);
      groups = [{ features: geoJsonFeatures(object), crs: geoJsonCrs(object), name: file.name }];
      break;
    }
    case 'kml':
      groups = [{ features: await xmlFeatures(utf8.decode(file.bytes), 'kml'), crs: 'EPSG:4326', name: file.name }];
      break;
    case 'gpx':
      groups = [{ features: await xmlFeatures(utf8.decode(file.bytes), 'gpx'), crs: 'EPSG:4326', name: file.name }];
      break;
    case 'kmz': {
      const files = unzipFiles(file.bytes);
      const kml = Object.keys(files).find((name) => /\.kml$/i.test(name));
      if (!kml) {
        throw new ImportError('import.badKml');
      }
      groups = [{ features: await xmlFeatures(utf8.decode(files[kml]), 'kml'), crs: 'EPSG:4326', name: file.name }];
      break;
    }
    case 'zip':
      groups = readShapefiles(unzipFiles(file.bytes)).map((shapefile) => ({
        features: shapefile.features,
        crs: shapefile.crs ? shapefile.crs.code : null,
        proj4: shapefile.crs?.proj4 ?? null,
        name: shapefile.name,
      }));
      break;
    case 'shp':
      throw new ImportError('import.shpNotZipped');
    default:
      throw new ImportError('import.unknownType', { name: String(file.name).slice(0, 80) });
  }

  const total = groups.reduce((sum, group) => sum + group.features.length, 0);
  if (total > LIMITS.features) {
    throw new ImportError('import.tooManyFeatures', { count: String(total), max: String(LIMITS.features) });
  }
  const vertices = groups.reduce((sum, group) => sum + group.features.reduce((s, f) => s + countVertices(f.geometry), 0), 0);
  if (vertices > LIMITS.vertices) {
    throw new ImportError('import.tooManyVertices', { count: String(vertices), max: String(LIMITS.vertices) });
  }

  const features = [];
  let crsUsed = 'EPSG:4326';
  for (const group of groups) {
    let source = group.proj4 ?? group.crs;
    if (!source) {
      if (assumeCrs) {
        source = assumeCrs;
      } else if (looksProjected(group.features)) {
        throw new ImportError('import.crsNeeded', { file: group.name });
      } else {
        source = 'EPSG:4326';
      }
    }
    let convert;
    try {
      convert = toWgs84(source);
    } catch {
      throw new ImportError('import.unknownCrs', { crs: String(group.crs ?? group.name).slice(0, 80) });
    }
    crsUsed = group.crs ?? (group.proj4 ? 'proj4' : source);
    for (const feature of group.features) {
      if (!feature.geometry) {
        features.push({ ...feature, geometry: null, source: group.name });
        continue;
      }
      let geometry;
      try {
        geometry = to2d(transformGeometry(feature.geometry, convert));
      } catch {
        throw new ImportError('import.badGeometry', { file: group.name });
      }
      features.push({ type: 'Feature', geometry, properties: { ...(feature.properties ?? {}) }, source: group.name });
    }
  }
  if (looksProjected(features.filter((f) => f.geometry))) {
    throw new ImportError('import.crsNeeded', { file: file.name });
  }
  const fitted = fitToLayer(features, kind);
  if (fitted.features.length === 0) {
    throw new ImportError(total === 0 ? 'import.noFeatures' : 'import.noneFit', { skipped: String(fitted.skipped + fitted.empty) });
  }
  return { ...fitted, crs: crsUsed, sources: groups.map((g) => g.name) };
}
