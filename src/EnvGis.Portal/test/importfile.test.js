import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { ImportError, LIMITS, fitToLayer, importFile, kindOf } from '../src/edit/importfile.js';

const fixture = (name) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const json = (name, object) => ({ name, bytes: new TextEncoder().encode(JSON.stringify(object)) });
const closeTo = (actual, expected, tolerance) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

async function rejects(promise, key) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof ImportError, `not an ImportError: ${error}`);
    assert.equal(error.key, key);
    return true;
  });
}

const polygon = (x, y) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y]]] });

describe('zipped Shapefile in EPSG:9210 (ogr2ogr, ESRI .prj without TOWGS84, UTF-8 .cpg)', () => {
  it('gives three polygon drafts where PROJ puts them', async () => {
    const result = await importFile({ name: 'zones-9210.zip', bytes: fixture('zones-9210.zip') }, { kind: 'MultiPolygon' });
    assert.equal(result.features.length, 3);
    assert.equal(result.crs, 'EPSG:9210');
    const [a, b, c] = result.features;
    // Vertex 1 of zone A is the test vector E 598 667.63 N 2 306 639.68 → 20.85 N 106.70 E.
    const first = a.geometry.coordinates[0][0];
    closeTo(first[0], 106.7, 1e-7);
    closeTo(first[1], 20.85, 1e-7);
    // cs2cs EPSG:9210 EPSG:4326: 599300 2307000 → 20.853220523 106.706096536.
    const corner = b.geometry.coordinates[0].find((p) => p[0] > 106.706);
    closeTo(corner[0], 106.706096536, 1e-7);
    closeTo(corner[1], 20.853220523, 1e-7);
    assert.equal(b.geometry.coordinates.length, 2, 'zone B keeps its hole');
    assert.equal(a.properties.name, 'Vùng A — điểm kiểm tra');
    assert.equal(c.properties.name, '<img src=x onerror=alert(1)>');
    assert.equal(a.properties.dien_tich, 1.5);
  });

  it('refuses the Shapefile for a point layer, naming how many did not fit', async () => {
    await rejects(importFile({ name: 'zones-9210.zip', bytes: fixture('zones-9210.zip') }, { kind: 'Point' }), 'import.noneFit');
  });

  it('asks for the system when the .prj is missing and the coordinates are metres', async () => {
    const original = (await import('fflate')).unzipSync(fixture('zones-9210.zip'));
    delete original['zones_9210.prj'];
    const bytes = zipSync(original);
    await rejects(importFile({ name: 'no-prj.zip', bytes }, { kind: 'MultiPolygon' }), 'import.crsNeeded');
    const result = await importFile({ name: 'no-prj.zip', bytes }, { kind: 'MultiPolygon', assumeCrs: 'EPSG:9210' });
    closeTo(result.features[0].geometry.coordinates[0][0][0], 106.7, 1e-7);
  });

  it('refuses an archive without a .shp, a bare .shp, and a broken zip', async () => {
    await rejects(importFile({ name: 'x.zip', bytes: zipSync({ 'readme.geojson': new Uint8Array([1]) }) }, { kind: 'MultiPolygon' }), 'import.noShp');
    await rejects(importFile({ name: 'x.shp', bytes: new Uint8Array([1, 2]) }, { kind: 'MultiPolygon' }), 'import.shpNotZipped');
    await rejects(importFile({ name: 'x.zip', bytes: new Uint8Array([80, 75, 3, 4, 0, 0]) }, { kind: 'MultiPolygon' }), 'import.badZip');
  });

  it('refuses archives that unzip too large before inflating them', async () => {
    const big = zipSync({ 'big.shp': new Uint8Array(70 * 1024 * 1024) }, { level: 9 });
    assert.ok(big.length < LIMITS.fileBytes);
    await rejects(importFile({ name: 'bomb.zip', bytes: big }, { kind: 'MultiPolygon' }), 'import.zipTooLarge');
  });
});

describe('GeoJSON', () => {
  it('reads a collection; several features give several drafts', async () => {
    const result = await importFile(json('a.geojson', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: polygon(106.7, 20.85), properties: { name: 'A' } },
        { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [polygon(106.8, 20.9).coordinates] }, properties: { name: 'B' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [106.7, 20.85] }, properties: {} },
        { type: 'Feature', geometry: null, properties: {} },
      ],
    }), { kind: 'MultiPolygon' });
    assert.equal(result.features.length, 2);
    assert.equal(result.skipped, 1);
    assert.equal(result.empty, 1);
    assert.equal(result.features[1].properties.name, 'B');
  });

  it('reads a bare geometry and drops Z', async () => {
    const result = await importFile(json('p.json', { type: 'Point', coordinates: [106.7, 20.85, 12] }), { kind: 'Point' });
    assert.deepEqual(result.features[0].geometry, { type: 'Point', coordinates: [106.7, 20.85] });
  });

  it('splits multipoints and collections for a point layer', async () => {
    const result = await importFile(json('p.json', {
      type: 'GeometryCollection',
      geometries: [{ type: 'MultiPoint', coordinates: [[106.7, 20.85], [106.8, 20.9]] }, { type: 'Point', coordinates: [106.6, 20.8] }],
    }), { kind: 'Point' });
    assert.equal(result.features.length, 3);
  });

  it('honours a legacy "crs" member in EPSG:9210 and refuses unknown systems', async () => {
    const result = await importFile(json('vn.geojson', {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9210' } },
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [598667.63, 2306639.68] }, properties: {} }],
    }), { kind: 'Point' });
    closeTo(result.features[0].geometry.coordinates[0], 106.7, 1e-7);
    closeTo(result.features[0].geometry.coordinates[1], 20.85, 1e-7);
    await rejects(importFile(json('x.geojson', { type: 'Point', coordinates: [1, 2], crs: { type: 'name', properties: { name: 'EPSG:27700' } } }), { kind: 'Point' }), 'import.unknownCrs');
  });

  it('asks for the system of metre coordinates without a "crs" member', async () => {
    await rejects(importFile(json('m.geojson', { type: 'Point', coordinates: [598667.63, 2306639.68] }), { kind: 'Point' }), 'import.crsNeeded');
  });

  it('refuses malformed, empty, oversized and crowded files with their reason', async () => {
    await rejects(importFile({ name: 'a.geojson', bytes: new TextEncoder().encode('{"type": "Feat') }, { kind: 'Point' }), 'import.badJson');
    await rejects(importFile(json('a.geojson', { hello: 1 }), { kind: 'Point' }), 'import.badGeoJson');
    await rejects(importFile({ name: 'a.geojson', bytes: new Uint8Array(0) }, { kind: 'Point' }), 'import.emptyFile');
    await rejects(importFile({ name: 'a.geojson', bytes: new Uint8Array(LIMITS.fileBytes + 1) }, { kind: 'Point' }), 'import.fileTooLarge');
    await rejects(importFile(json('a.geojson', { type: 'FeatureCollection', features: [] }), { kind: 'Point' }), 'import.noFeatures');
    await rejects(importFile({ name: 'a.docx', bytes: new Uint8Array(3) }, { kind: 'Point' }), 'import.unknownType');
    const many = { type: 'FeatureCollection', features: [] };
    for (let i = 0; i < 3000; i++) {
      many.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [106.7, 20.85] }, properties: {} });
    }
    await assert.rejects(importFile(json('many.geojson', many), { kind: 'Point' }), (error) => {
      assert.equal(error.key, 'import.tooManyFeatures');
      assert.deepEqual(error.params, { count: '3000', max: String(LIMITS.features) });
      return true;
    });
  });
});

describe('file kinds and fitting', () => {
  it('knows the extensions', () => {
    assert.equal(kindOf('a.GeoJSON'), 'geojson');
    assert.equal(kindOf('b.KMZ'), 'kmz');
    assert.equal(kindOf('c.gpx'), 'gpx');
    assert.equal(kindOf('d.zip'), 'zip');
    assert.equal(kindOf('e.pdf'), null);
  });

  it('fits lines to line layers', () => {
    const features = [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }];
    assert.equal(fitToLayer(features, 'MultiLineString').features.length, 1);
    assert.equal(fitToLayer(features, 'MultiPolygon').skipped, 1);
  });
});
