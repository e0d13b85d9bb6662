// Clipping a drawn polygon to the unit's area (its communes' boundaries): what lies outside the
// scope is cut away, so a shape drawn roughly along a commune border can be saved (pure, unit tested).

import polygonClipping from 'polygon-clipping';

/**
 * @param {Object} geometry GeoJSON Polygon or MultiPolygon (EPSG:4326).
 * @param {Array<Array<Array<Array<number>>>>} scopePolygons The scope as polygons (arrays of rings).
 * @return {{geometry: ?Object, changed: boolean}} The clipped MultiPolygon (null when nothing is
 *   left) and whether anything was cut.
 */
export function clipToScope(geometry, scopePolygons) {
  if (!geometry || !['Polygon', 'MultiPolygon'].includes(geometry.type) || scopePolygons.length === 0) {
    return { geometry, changed: false };
  }
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const clipped = polygonClipping.intersection(parts, scopePolygons);
  if (clipped.length === 0) {
    return { geometry: null, changed: true };
  }
  const area = (multi) => multi.reduce((sum, polygon) => sum + polygon.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0), 0);
  const changed = Math.abs(area(clipped) - area(parts)) > 1e-12 * Math.max(1, area(parts));
  return { geometry: { type: 'MultiPolygon', coordinates: clipped }, changed };
}

function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}
