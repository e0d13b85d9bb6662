// Clipping a drawn polygon to the unit's area (its communes' boundaries): what lies outside the
// scope is cut away, so a shape drawn roughly along a commune border can be saved (pure, unit tested).

import polygonClipping from 'polygon-clipping';
import { pointInRing } from './geomcheck.js';

/** How far (degrees, ~1 mm) a vertex on the scope's boundary is moved inside it. */
const NUDGE = 1e-8;

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
  // Vertices computed on the boundary may fall a rounding error outside it (the server checks
  // ST_CoveredBy exactly): each one on or near the boundary is moved a millimetre into the clipped shape.
  const boundaries = scopePolygons.flat();
  const nearBoundary = (point) => boundaries.some((ring) => ring.some((a, i) => i > 0 && segmentDistance(point, ring[i - 1], a) < NUDGE / 2));
  const strictlyInside = (point) => !nearBoundary(point) && scopePolygons.some((polygon) =>
    pointInRing(point, polygon[0]) === 1 && polygon.slice(1).every((hole) => pointInRing(point, hole) === -1));
  for (const polygon of clipped) {
    const ring = polygon[0];
    const centre = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    for (const rings of polygon) {
      for (let i = 0; i < rings.length; i++) {
        let point = rings[i];
        for (let step = 1; step <= 64 && !strictlyInside(point); step *= 2) {
          const dx = centre[0] - rings[i][0];
          const dy = centre[1] - rings[i][1];
          const length = Math.hypot(dx, dy) || 1;
          point = [rings[i][0] + (dx / length) * NUDGE * step, rings[i][1] + (dy / length) * NUDGE * step];
        }
        rings[i] = point;
      }
      rings[rings.length - 1] = rings[0];
    }
  }
  const area = (multi) => multi.reduce((sum, polygon) => sum + polygon.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0), 0);
  const changed = Math.abs(area(clipped) - area(parts)) > 1e-12 * Math.max(1, area(parts));
  return { geometry: { type: 'MultiPolygon', coordinates: clipped }, changed };
}

function segmentDistance([x, y], [x1, y1], [x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}
