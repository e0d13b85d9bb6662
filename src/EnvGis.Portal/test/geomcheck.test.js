import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGeometry, firstPositionOutside, pointInRing, segmentContact } from '../src/edit/geomcheck.js';

const square = (x, y, size) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
const keys = (geometry) => checkGeometry(geometry).map((p) => p.key);

describe('segments', () => {
  it('tells crossing, touching, overlapping and apart', () => {
    assert.deepEqual(segmentContact([0, 0], [2, 2], [0, 2], [2, 0]), { kind: 'cross', at: [1, 1] });
    assert.equal(segmentContact([0, 0], [2, 0], [1, 0], [1, 5]).kind, 'touch');
    assert.equal(segmentContact([0, 0], [2, 0], [1, 0], [3, 0]).kind, 'overlap');
    assert.equal(segmentContact([0, 0], [1, 0], [1, 0], [2, 0]).kind, 'touch');
    assert.equal(segmentContact([0, 0], [1, 0], [2, 0], [3, 0]), null);
    assert.equal(segmentContact([0, 0], [1, 1], [0, 1], [0.4, 0.6]), null);
  });

  it('places points in rings', () => {
    const ring = square(0, 0, 2);
    assert.equal(pointInRing([1, 1], ring), 1);
    assert.equal(pointInRing([2, 1], ring), 0);
    assert.equal(pointInRing([3, 1], ring), -1);
  });
});

describe('checkGeometry', () => {
  it('accepts valid points, lines, polygons with holes and multipolygons', () => {
    assert.deepEqual(keys({ type: 'Point', coordinates: [106.7, 20.85] }), []);
    assert.deepEqual(keys({ type: 'LineString', coordinates: [[106.7, 20.85], [106.71, 20.86]] }), []);
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [square(106, 20, 1), square(106.2, 20.2, 0.2).reverse()] }), []);
    assert.deepEqual(keys({ type: 'MultiPolygon', coordinates: [[square(106, 20, 1)], [square(107.5, 20, 0.5)]] }), []);
    // Parts sharing an edge are not valid (PostGIS: Self-intersection).
    assert.deepEqual(keys({ type: 'MultiPolygon', coordinates: [[square(106, 20, 1)], [square(107, 20, 0.5)]] }), ['geom.partsOverlap']);
    // Parts touching at a corner, a hole touching the shell at one point: valid.
    assert.deepEqual(keys({ type: 'MultiPolygon', coordinates: [[square(106, 20, 1)], [square(107, 21, 0.5)]] }), []);
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [square(0, 0, 4), [[0, 2], [1, 1], [1, 3], [0, 2]]] }), []);
    // An island inside another part's hole: valid.
    assert.deepEqual(keys({ type: 'MultiPolygon', coordinates: [[square(0, 0, 10), square(2, 2, 6)], [square(4, 4, 1)]] }), []);
    // Repeated consecutive vertices are tolerated.
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 0], [1, 1], [0, 0]]] }), []);
  });

  it('finds a bow-tie self-intersection and says where', () => {
    const problems = checkGeometry({ type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].key, 'geom.selfIntersection');
    assert.deepEqual(problems[0].part, { polygon: 0, ring: 0 });
    assert.deepEqual(problems[0].at, [1, 1]);
  });

  it('finds spikes and rings touching themselves', () => {
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [3, 0], [2, 0], [2, 2], [0, 0]]] }), ['geom.selfIntersection']);
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]]] }), ['geom.selfIntersection']);
  });

  it('finds unclosed, too short and flat rings', () => {
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }), ['geom.ringNotClosed']);
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }), ['geom.ringTooFew']);
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [2, 0], [0, 0]]] }), ['geom.ringDegenerate']);
  });

  it('finds holes outside the shell, crossing it, or inside another hole', () => {
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [square(0, 0, 1), square(5, 5, 1)] }), ['geom.holeOutside']);
    const crossing = checkGeometry({ type: 'Polygon', coordinates: [square(0, 0, 2), square(1, 1, 2)] });
    assert.equal(crossing[0].key, 'geom.ringsCross');
    assert.deepEqual(crossing[0].part, { polygon: 0, ring: 1 });
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [square(0, 0, 10), square(1, 1, 8), square(2, 2, 2)] }), ['geom.holeInHole']);
  });

  it('finds overlapping parts of a multipolygon', () => {
    assert.deepEqual(keys({ type: 'MultiPolygon', coordinates: [[square(0, 0, 2)], [square(1, 1, 2)]] }), ['geom.partsOverlap']);
    assert.deepEqual(keys({ type: 'MultiPolygon', coordinates: [[square(0, 0, 4)], [square(1, 1, 1)]] }), ['geom.partsOverlap']);
  });

  it('finds lines without two distinct vertices and bad coordinates', () => {
    assert.deepEqual(keys({ type: 'LineString', coordinates: [[1, 1], [1, 1]] }), ['geom.lineTooShort']);
    assert.deepEqual(keys({ type: 'Point', coordinates: [NaN, 1] }), ['geom.badCoordinates']);
    assert.deepEqual(keys({ type: 'Point', coordinates: [2306639, 598667] }), ['geom.badCoordinates']);
    assert.deepEqual(keys(null), ['geom.missing']);
  });

  it('checks a ring of a few thousand vertices quickly', () => {
    const ring = [];
    for (let i = 0; i < 5000; i++) {
      const a = (i / 5000) * 2 * Math.PI;
      ring.push([106 + Math.cos(a), 20 + Math.sin(a)]);
    }
    ring.push(ring[0]);
    const started = Date.now();
    assert.deepEqual(keys({ type: 'Polygon', coordinates: [ring] }), []);
    assert.ok(Date.now() - started < 2000);
  });
});

describe('scope areas', () => {
  const area = [[square(106, 20, 1)], [square(107, 20, 1)]];
  it('accepts geometries inside the union of communes, touching boundaries included', () => {
    assert.equal(firstPositionOutside({ type: 'Polygon', coordinates: [square(106.2, 20.2, 0.2)] }, area), null);
    assert.equal(firstPositionOutside({ type: 'Polygon', coordinates: [square(106.5, 20.2, 0.7)] }, area), null);
    assert.equal(firstPositionOutside({ type: 'Point', coordinates: [107, 20.5] }, area), null);
  });

  it('gives the first position outside', () => {
    assert.deepEqual(firstPositionOutside({ type: 'Point', coordinates: [105, 20.5] }, area), [105, 20.5]);
    assert.deepEqual(firstPositionOutside({ type: 'LineString', coordinates: [[106.5, 20.5], [106.5, 22]] }, area), [106.5, 22]);
  });
});
