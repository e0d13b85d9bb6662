// Geometry validity before anything is sent, with the place of each problem so the map can show it:
// unclosed or degenerate rings, self-intersections (crossing or touching edges, spikes), holes outside
// their shell or inside another hole, rings that cross, overlapping parts of a multipolygon, lines
// without two distinct vertices. The server checks again (PostGIS ST_IsValid); this check is for the
// person drawing. Coordinates are [lon, lat]; the tests are planar, as PostGIS's are.

const EPSILON_AREA = 1e-14; // square degrees: ~0.0001 m², a ring with less is flat

function orient(a, b, c) {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function onSegment(a, b, p) {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0])
    && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

const same = (a, b) => a[0] === b[0] && a[1] === b[1];

/**
 * How two segments meet.
 * @return {?{kind: string, at: Array<number>}} null when apart; kind 'cross' (interiors cross at one
 *   point), 'touch' (meet at one point that is an endpoint of one of them), 'overlap' (collinear,
 *   sharing more than a point).
 */
export function segmentContact(p1, p2, p3, p4) {
  const d1 = orient(p3, p4, p1);
  const d2 = orient(p3, p4, p2);
  const d3 = orient(p1, p2, p3);
  const d4 = orient(p1, p2, p4);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return { kind: 'cross', at: [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])] };
  }
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    // Collinear: project on the longer axis and intersect the intervals.
    const axis = Math.abs(p2[0] - p1[0]) + Math.abs(p4[0] - p3[0]) >= Math.abs(p2[1] - p1[1]) + Math.abs(p4[1] - p3[1]) ? 0 : 1;
    const [a0, a1] = [p1[axis], p2[axis]].sort((x, y) => x - y);
    const [b0, b1] = [p3[axis], p4[axis]].sort((x, y) => x - y);
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (lo > hi) {
      return null;
    }
    const points = [p1, p2, p3, p4].filter((p) => p[axis] >= lo && p[axis] <= hi);
    return { kind: lo < hi ? 'overlap' : 'touch', at: points[0] };
  }
  for (const [d, p, a, b] of [[d1, p1, p3, p4], [d2, p2, p3, p4], [d3, p3, p1, p2], [d4, p4, p1, p2]]) {
    if (d === 0 && onSegment(a, b, p)) {
      return { kind: 'touch', at: p };
    }
  }
  return null;
}

/** Signed area (shoelace) of a closed ring. */
export function ringArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum / 2;
}

/**
 * Whether a point is inside a closed ring: 1 inside, 0 on the boundary, -1 outside.
 */
export function pointInRing(point, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (orient(a, b, point) === 0 && onSegment(a, b, point)) {
      return 0;
    }
    if ((a[1] > point[1]) !== (b[1] > point[1])
        && point[0] < ((b[0] - a[0]) * (point[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

/** Every segment of some rings, tagged with where it comes from. */
function segmentsOf(rings) {
  const segments = [];
  rings.forEach(({ ring, tag }) => {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      segments.push({ a, b, tag, index: i, count: ring.length - 1, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]) });
    }
  });
  return segments.sort((s, t) => s.minX - t.minX);
}

/**
 * Calls back for every pair of segments whose x ranges overlap (a sweep along x), until it returns true.
 */
function eachCandidatePair(segments, visit) {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    for (let j = i + 1; j < segments.length && segments[j].minX <= s.maxX; j++) {
      if (visit(s, segments[j])) {
        return;
      }
    }
  }
}

const adjacent = (s, t) => s.tag === t.tag
  && (Math.abs(s.index - t.index) === 1 || Math.abs(s.index - t.index) === s.count - 1);

/** Drops consecutive repeated positions (valid, but they make zero-length segments). */
function dedupe(ring) {
  return ring.filter((p, i) => i === 0 || !same(p, ring[i - 1]));
}

/** Whether every vertex of a ring lies on one line (zero area for a reason other than crossing edges). */
function isFlat(ring) {
  const origin = ring[0];
  let far = origin;
  for (const p of ring) {
    if (Math.hypot(p[0] - origin[0], p[1] - origin[1]) > Math.hypot(far[0] - origin[0], far[1] - origin[1])) {
      far = p;
    }
  }
  const length = Math.hypot(far[0] - origin[0], far[1] - origin[1]);
  return ring.every((p) => Math.abs(orient(origin, far, p)) <= 1e-12 * length * length);
}

function checkRing(ring, tag, problems) {
  if (ring.length < 2 || !same(ring[0], ring[ring.length - 1])) {
    problems.push({ key: 'geom.ringNotClosed', part: tag, at: ring[ring.length - 1] ?? null });
    return false;
  }
  const distinct = new Set(ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`));
  if (ring.length < 4 || distinct.size < 3) {
    problems.push({ key: 'geom.ringTooFew', part: tag, at: ring[0] });
    return false;
  }
  if (Math.abs(ringArea(ring)) < EPSILON_AREA && isFlat(ring)) {
    problems.push({ key: 'geom.ringDegenerate', part: tag, at: ring[0] });
    return false;
  }
  return true;
}

function checkPositions(coordinates, problems) {
  const bad = (p) => !Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])
    || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90;
  const walk = (value) => (Array.isArray(value[0]) ? value.some(walk) : bad(value));
  if (walk(coordinates)) {
    problems.push({ key: 'geom.badCoordinates', part: null, at: null });
    return false;
  }
  return true;
}

/**
 * Checks polygons (as arrays of rings, first the shell) for every problem above.
 * @param {Array<Array<Array<Array<number>>>>} polygons Polygons.
 * @param {Array<Object>} problems Where problems are added.
 */
function checkPolygons(polygons, problems) {
  const rings = [];
  polygons.forEach((polygon, p) => {
    polygon.forEach((raw, r) => {
      const ring = dedupe(raw);
      if (checkRing(ring, { polygon: p, ring: r }, problems)) {
        rings.push({ ring, tag: { polygon: p, ring: r } });
      }
    });
  });
  if (problems.length) {
    return;
  }

  // Edges: within a ring nothing may meet but neighbours at their shared vertex; rings of one polygon
  // may touch at a point but not cross or share an edge; parts of a multipolygon may not cross.
  eachCandidatePair(segmentsOf(rings), (s, t) => {
    const contact = segmentContact(s.a, s.b, t.a, t.b);
    if (!contact) {
      return false;
    }
    if (s.tag === t.tag) {
      if (adjacent(s, t) && contact.kind === 'touch') {
        return false;
      }
      problems.push({ key: 'geom.selfIntersection', part: s.tag, at: contact.at });
      return true;
    }
    if (contact.kind === 'touch') {
      return false;
    }
    problems.push({
      key: s.tag.polygon === t.tag.polygon ? 'geom.ringsCross' : 'geom.partsOverlap',
      part: t.tag,
      at: contact.at,
    });
    return true;
  });
  if (problems.length) {
    return;
  }

  // Holes inside their shell and not inside one another; parts not inside one another.
  const ringOf = (p, r) => rings.find((x) => x.tag.polygon === p && x.tag.ring === r).ring;
  const somePointIn = (inner, outer) => {
    for (const point of inner.slice(0, -1)) {
      const where = pointInRing(point, outer);
      if (where !== 0) {
        return where;
      }
    }
    // Every vertex on the other ring's boundary: compare a segment's midpoint.
    const mid = [(inner[0][0] + inner[1][0]) / 2, (inner[0][1] + inner[1][1]) / 2];
    return pointInRing(mid, outer);
  };
  polygons.forEach((polygon, p) => {
    const shell = ringOf(p, 0);
    for (let r = 1; r < polygon.length; r++) {
      const hole = ringOf(p, r);
      if (somePointIn(hole, shell) <= 0) {
        problems.push({ key: 'geom.holeOutside', part: { polygon: p, ring: r }, at: hole[0] });
        return;
      }
      for (let o = 1; o < polygon.length; o++) {
        if (o !== r && somePointIn(hole, ringOf(p, o)) > 0) {
          problems.push({ key: 'geom.holeInHole', part: { polygon: p, ring: r }, at: hole[0] });
          return;
        }
      }
    }
  });
  if (problems.length) {
    return;
  }
  polygons.forEach((polygon, p) => {
    polygons.forEach((other, q) => {
      if (p === q || problems.length) {
        return;
      }
      const shell = ringOf(p, 0);
      if (somePointIn(shell, ringOf(q, 0)) > 0) {
        // Inside q's shell: fine only inside one of q's holes.
        const inHole = other.slice(1).some((_, h) => somePointIn(shell, ringOf(q, h + 1)) >= 0);
        if (!inHole) {
          problems.push({ key: 'geom.partsOverlap', part: { polygon: p, ring: 0 }, at: shell[0] });
        }
      }
    });
  });
}

/**
 * Checks a GeoJSON geometry.
 * @param {?Object} geometry GeoJSON geometry in EPSG:4326.
 * @return {Array<{key: string, part: ?{polygon?: number, ring?: number, line?: number}, at: ?Array<number>}>}
 *   Problems (i18n keys), the part at fault and where; empty when valid.
 */
export function checkGeometry(geometry) {
  const problems = [];
  if (!geometry || !geometry.type || !Array.isArray(geometry.coordinates)) {
    return [{ key: 'geom.missing', part: null, at: null }];
  }
  if (!checkPositions(geometry.coordinates, problems)) {
    return problems;
  }
  switch (geometry.type) {
    case 'Point':
      break;
    case 'MultiPoint':
      if (geometry.coordinates.length === 0) {
        problems.push({ key: 'geom.missing', part: null, at: null });
      }
      break;
    case 'LineString':
    case 'MultiLineString': {
      const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      if (lines.length === 0) {
        problems.push({ key: 'geom.missing', part: null, at: null });
      }
      lines.forEach((line, i) => {
        if (dedupe(line).length < 2) {
          problems.push({ key: 'geom.lineTooShort', part: { line: i }, at: line[0] ?? null });
        }
      });
      break;
    }
    case 'Polygon':
      checkPolygons([geometry.coordinates], problems);
      break;
    case 'MultiPolygon':
      if (geometry.coordinates.length === 0) {
        problems.push({ key: 'geom.missing', part: null, at: null });
      } else {
        checkPolygons(geometry.coordinates, problems);
      }
      break;
    default:
      problems.push({ key: 'geom.unsupported', part: null, at: null });
  }
  return problems;
}

/**
 * Whether a geometry lies within an area (polygons of the user's scope): every vertex inside or on the
 * boundary of one of them and no edge crossing out. Approximate for curved edges (none here).
 * @param {Object} geometry GeoJSON geometry.
 * @param {Array<Array<Array<Array<number>>>>} areaPolygons The area as polygons (rings, shell first).
 * @return {?Array<number>} null when inside; else the first position found outside.
 */
export function firstPositionOutside(geometry, areaPolygons) {
  const inside = (point) => areaPolygons.some((polygon) =>
    pointInRing(point, polygon[0]) >= 0 && polygon.slice(1).every((hole) => pointInRing(point, hole) <= 0));
  const positions = [];
  const walk = (value) => (Array.isArray(value[0]) ? value.forEach(walk) : positions.push(value));
  walk(geometry.coordinates);
  for (const position of positions) {
    if (!inside(position)) {
      return position;
    }
  }
  // Vertices inside but an edge leaving through a gap between communes: test edge midpoints too.
  const lines = [];
  const collect = (value, depth) => (depth === 1 ? lines.push(value) : value.forEach((v) => collect(v, depth - 1)));
  const depth = { LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[geometry.type];
  if (depth) {
    collect(geometry.coordinates, depth);
  }
  for (const line of lines) {
    for (let i = 0; i < line.length - 1; i++) {
      const mid = [(line[i][0] + line[i + 1][0]) / 2, (line[i][1] + line[i + 1][1]) / 2];
      if (!inside(mid)) {
        return mid;
      }
    }
  }
  return null;
}
