import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { geometryFromPositions, parseAngle, parseNumber, readCoordinates, splitRows } from '../src/edit/coordinates.js';

const closeTo = (actual, expected, tolerance) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

describe('numbers as people write them', () => {
  it('reads Vietnamese and English separators', () => {
    assert.equal(parseNumber('2306639.68'), 2306639.68);
    assert.equal(parseNumber('2306639,68'), 2306639.68);
    assert.equal(parseNumber('2.306.639,68'), 2306639.68);
    assert.equal(parseNumber('2,306,639.68'), 2306639.68);
    assert.equal(parseNumber('2 306 639,68'), 2306639.68);
    assert.equal(parseNumber('2\u00a0306\u00a0639,68'), 2306639.68);
    assert.equal(parseNumber('-12.5'), -12.5);
    assert.ok(Number.isNaN(parseNumber('')));
    assert.ok(Number.isNaN(parseNumber('12 34')));
    assert.ok(Number.isNaN(parseNumber('abc')));
    assert.ok(Number.isNaN(parseNumber('1.2.3,4,5')));
  });

  it('reads degrees, minutes and seconds', () => {
    closeTo(parseAngle('20°51′00″N'), 20.85, 1e-12);
    closeTo(parseAngle("106°42'E"), 106.7, 1e-12);
    closeTo(parseAngle('20 51 0'), 20.85, 1e-12);
    closeTo(parseAngle('20,85'), 20.85, 1e-12);
    closeTo(parseAngle('20°30′S'), -20.5, 1e-12);
    assert.ok(Number.isNaN(parseAngle('20°75′')));
  });
});

describe('pasted rows', () => {
  it('splits tabs, semicolons, commas and spaces, and drops point numbers', () => {
    const rows = splitRows([
      '2306639.68\t598667.63',
      '2306639,68; 598667,63',
      '2306639.68, 598667.63',
      '2 306 639,68 598 667,63',
      '1 2306639.68 598667.63',
      'M3 2306639.68 598667.63',
      '',
      '# comment',
      'one two three four',
    ].join('\n'));
    assert.equal(rows.length, 7);
    for (const row of rows.slice(0, 6)) {
      assert.equal(parseNumber(row.first), 2306639.68, JSON.stringify(row));
      assert.equal(parseNumber(row.second), 598667.63, JSON.stringify(row));
    }
    assert.deepEqual(rows[6], { line: 9, error: 'coord.rowFormat' });
  });
});

describe('typed coordinates in VN-2000 and WGS 84', () => {
  it('reads X = northing, Y = easting (cadastral order) in EPSG:9210 onto the test vector', () => {
    const { positions, errors } = readCoordinates([{ first: '2 306 639,68', second: '598 667,63' }], { system: 'EPSG:9210' });
    assert.deepEqual(errors, []);
    closeTo(positions[0][0], 106.7, 1e-7);
    closeTo(positions[0][1], 20.85, 1e-7);
  });

  it('reads easting first when the columns are swapped, in EPSG:9209', () => {
    const { positions, errors } = readCoordinates([{ first: '624686.78', second: '2306813.16' }], { system: 'EPSG:9209', swapped: true });
    assert.deepEqual(errors, []);
    closeTo(positions[0][0], 106.7, 1e-7);
    closeTo(positions[0][1], 20.85, 1e-7);
  });

  it('says when X and Y look swapped instead of placing the point in the wrong place', () => {
    const result = readCoordinates([{ first: '598667.63', second: '2306639.68' }], { system: 'EPSG:9210' });
    assert.equal(result.positions.length, 0);
    assert.ok(result.swapHint);
    assert.equal(result.errors[0].key, 'coord.looksSwapped');
  });

  it('refuses values outside the TM-3 zone and points outside the city', () => {
    assert.equal(readCoordinates([{ first: '1000', second: '2000' }], { system: 'EPSG:9210' }).errors[0].key, 'coord.outOfZone');
    assert.equal(readCoordinates([{ first: '10.8', second: '106.6' }], { system: 'EPSG:4326' }).errors[0].key, 'coord.outsideCity');
    assert.equal(readCoordinates([{ first: 'x', second: '106.6' }], { system: 'EPSG:4326' }).errors[0].key, 'coord.notNumber');
  });

  it('reads latitude, longitude in WGS 84 and detects the swap', () => {
    const ok = readCoordinates([{ first: '20.85', second: '106.7' }], { system: 'EPSG:4326' });
    assert.deepEqual(ok.positions, [[106.7, 20.85]]);
    const swapped = readCoordinates([{ first: '106.7', second: '20.85' }], { system: 'EPSG:4326' });
    assert.ok(swapped.swapHint);
    assert.deepEqual(readCoordinates([{ first: '106.7', second: '20.85' }], { system: 'EPSG:4326', swapped: true }).positions, [[106.7, 20.85]]);
  });

  it('keeps the row number of each problem', () => {
    const rows = splitRows('20.85 106.7\nbad\n20.86 106.71');
    const { positions, errors } = readCoordinates(rows, { system: 'EPSG:4326' });
    assert.equal(positions.length, 2);
    assert.deepEqual(errors, [{ row: 2, key: 'coord.rowFormat' }]);
  });

  it('builds points, lines and closed polygons', () => {
    const p = [[106.7, 20.85], [106.71, 20.85], [106.71, 20.86]];
    assert.deepEqual(geometryFromPositions([p[0]], 'Point').geometry, { type: 'Point', coordinates: p[0] });
    assert.equal(geometryFromPositions(p, 'Point').error, 'coord.pointNeedsOne');
    assert.equal(geometryFromPositions(p, 'MultiLineString').geometry.type, 'LineString');
    const polygon = geometryFromPositions(p, 'MultiPolygon').geometry;
    assert.deepEqual(polygon.coordinates[0], [...p, p[0]]);
    assert.deepEqual(geometryFromPositions([...p, p[0]], 'MultiPolygon').geometry, polygon);
    assert.equal(geometryFromPositions(p.slice(0, 2), 'MultiPolygon').error, 'coord.polygonNeedsThree');
  });
});
