// Zipped Shapefiles: every .shp in the archive with its .dbf (attributes, encoding from .cpg) and .prj
// (prj.js: VN-2000 always with the exact shift). Geometries come back in the file's own coordinates
// with how to convert them; importfile.js reprojects. Sizes are checked before anything is inflated.

import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import { readPrj } from './prj.js';

/** Most bytes the archive may hold once unzipped. */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** An import problem with an i18n key and its parameters. */
export class ImportError extends Error {
  constructor(key, params = {}) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

const WANTED = /\.(shp|shx|dbf|prj|cpg|kml|geojson|json)$/i;

/**
 * Unzips the files worth reading, refusing archives that would unpack too large.
 * @param {Uint8Array} bytes The zip.
 * @return {Object<string, Uint8Array>} Files by name.
 */
export function unzipFiles(bytes) {
  let total = 0;
  let files;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (file.name.includes('__MACOSX/') || !WANTED.test(file.name)) {
          return false;
        }
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) {
          throw new ImportError('import.zipTooLarge', { max: String(MAX_UNZIPPED_BYTES / 1024 / 1024) });
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportError) {
      throw error;
    }
    throw new ImportError('import.badZip');
  }
  const actual = Object.values(files).reduce((sum, file) => sum + file.length, 0);
  if (actual > MAX_UNZIPPED_BYTES) {
    throw new ImportError('import.zipTooLarge', { max: String(MAX_UNZIPPED_BYTES / 1024 / 1024) });
  }
  return files;
}

const decoder = new TextDecoder();
const dataView = (bytes) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** dBase values: dates as YYYY-MM-DD, NaN (empty numbers) as null. */
function cleanProperties(properties) {
  const out = {};
  for (const [name, value] of Object.entries(properties ?? {})) {
    if (value instanceof Date) {
      out[name] = Number.isNaN(value.getTime())
        ? null
        : `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
    } else if (typeof value === 'number' && Number.isNaN(value)) {
      out[name] = null;
    } else {
      out[name] = value;
    }
  }
  return out;
}

/**
 * Reads the Shapefiles of unzipped files.
 * @param {Object<string, Uint8Array>} files Files by name (unzipFiles).
 * @return {Array<{name: string, crs: ?{code: ?string, proj4: ?string, name: string}, features: Array<Object>}>}
 *   One entry per .shp; `crs` null when there is no .prj; features are GeoJSON in the file's coordinates.
 */
export function readShapefiles(files) {
  const byLowerName = new Map(Object.entries(files).map(([name, bytes]) => [name.toLowerCase(), bytes]));
  const bases = [...byLowerName.keys()].filter((name) => name.endsWith('.shp')).map((name) => name.slice(0, -4));
  if (bases.length === 0) {
    throw new ImportError('import.noShp');
  }
  return bases.map((base) => {
    const shp = byLowerName.get(`${base}.shp`);
    const dbf = byLowerName.get(`${base}.dbf`);
    const prjText = byLowerName.has(`${base}.prj`) ? decoder.decode(byLowerName.get(`${base}.prj`)) : null;
    const cpg = byLowerName.has(`${base}.cpg`) ? decoder.decode(byLowerName.get(`${base}.cpg`)).trim() : undefined;
    let crs = null;
    if (prjText && prjText.trim()) {
      try {
        crs = readPrj(prjText);
      } catch {
        throw new ImportError('import.badPrj', { file: `${base}.prj` });
      }
    }
    let geometries;
    let records = [];
    try {
      geometries = parseShp(dataView(shp));
      // Without a .cpg, Vietnamese shapefiles are nearly always UTF-8 nowadays (GDAL's default).
      records = dbf ? parseDbf(dataView(dbf), cpg ?? 'utf-8') : [];
    } catch {
      throw new ImportError('import.badShp', { file: `${base}.shp` });
    }
    const features = geometries.map((geometry, i) => ({
      type: 'Feature',
      geometry: geometry ?? null,
      properties: cleanProperties(records[i]),
    }));
    return { name: base.split('/').pop(), crs, features };
  });
}
