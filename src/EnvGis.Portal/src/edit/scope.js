// The signed-in unit's spatial scope (Art. 9.2): the commune polygons it may work in, read from the
// public communes layer, to show on the map, to snap to, and to check a geometry before saving.

import { listRecords } from '../core/records.js';

export const COMMUNE_LAYER = 'communes';
export const COMMUNE_CODE = 'code';

let communesPromise = null;

/** Every commune (GeoJSON features), read once. */
export function communes() {
  communesPromise ??= listRecords(COMMUNE_LAYER, { limit: 1000 }).catch((error) => {
    communesPromise = null;
    throw error;
  });
  return communesPromise;
}

/** A GeoJSON polygon or multipolygon as a list of polygons (arrays of rings). */
export function polygonsOf(geometry) {
  if (geometry?.type === 'Polygon') {
    return [geometry.coordinates];
  }
  if (geometry?.type === 'MultiPolygon') {
    return geometry.coordinates;
  }
  return [];
}

/**
 * The scope of an account.
 * @param {?Object} account Account (`/api/account/me`).
 * @return {Promise<{wholeCity: boolean, none: boolean, features: Array<Object>, polygons: Array<Object>, names: Array<string>}>}
 */
export async function loadScope(account) {
  const area = account?.area;
  if (!area) {
    return { wholeCity: false, none: true, features: [], polygons: [], names: [] };
  }
  if (area.wholeCity) {
    return { wholeCity: true, none: false, features: [], polygons: [], names: [] };
  }
  const wanted = new Set(area.communes ?? []);
  const features = (await communes()).filter((f) => wanted.has(f.properties?.[COMMUNE_CODE]));
  return {
    wholeCity: false,
    none: false,
    features,
    polygons: features.flatMap((f) => polygonsOf(f.geometry)),
    names: features.map((f) => String(f.properties?.name ?? f.properties?.[COMMUNE_CODE])),
  };
}
