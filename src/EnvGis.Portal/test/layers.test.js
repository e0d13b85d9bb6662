import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drawOrder, geometryKind, resolveTemplate } from '../src/map/layers.js';

describe('drawOrder', () => {
  it('puts land at the bottom, then polygons, lines and points', () => {
    const order = drawOrder([
      { name: 'monitoring_stations', geometryType: 'Point' },
      { name: 'protected_areas', geometryType: 'MultiPolygon' },
      { name: 'rivers', geometryType: 'MultiLineString' },
      { name: 'land', geometryType: 'MultiPolygon' },
      { name: 'communes', geometryType: 'MultiPolygon' },
    ]);
    const z = (name) => order.get(name);
    assert.ok(z('land') < z('communes'));
    assert.ok(z('communes') < z('protected_areas'));
    assert.ok(z('protected_areas') < z('rivers'));
    assert.ok(z('rivers') < z('monitoring_stations'));
  });

  it('knows the catalogue geometry types', () => {
    assert.equal(geometryKind('Point'), 'point');
    assert.equal(geometryKind('MultiLineString'), 'line');
    assert.equal(geometryKind('MultiPolygon'), 'polygon');
  });
});

describe('resolveTemplate', () => {
  it('keeps the placeholders of absolute and relative templates', () => {
    assert.equal(
      resolveTemplate('http://127.0.0.1:5080/tiles/land/{z}/{x}/{y}.mvt', 'http://127.0.0.1:5080/tiles/land.json'),
      'http://127.0.0.1:5080/tiles/land/{z}/{x}/{y}.mvt',
    );
    assert.equal(
      resolveTemplate('land/{z}/{x}/{y}.mvt', 'http://host/app/tiles/land.json'),
      'http://host/app/tiles/land/{z}/{x}/{y}.mvt',
    );
  });
});
