import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare, compileFilter, likeToRegExp } from '../src/map/filters.js';

const getter = (props) => (name) => props[name];
const matches = (filter, props) => compileFilter(filter)(getter(props));

describe('compileFilter', () => {
  it('compares equal strings and numbers', () => {
    assert.equal(matches({ op: 'eq', property: 'severity', value: 'critical' }, { severity: 'critical' }), true);
    assert.equal(matches({ op: 'eq', property: 'severity', value: 'critical' }, { severity: 'low' }), false);
    assert.equal(matches({ op: 'eq', property: 'aqi', value: '50' }, { aqi: 50 }), true);
    assert.equal(matches({ op: 'ne', property: 'aqi', value: 50 }, { aqi: 51 }), true);
  });

  it('orders numbers numerically, not as text', () => {
    assert.equal(matches({ op: 'lt', property: 'aqi', value: 100 }, { aqi: 9 }), true);
    assert.equal(matches({ op: 'ge', property: 'aqi', value: 100 }, { aqi: 100 }), true);
    assert.equal(matches({ op: 'gt', property: 'aqi', value: 100 }, { aqi: 100 }), false);
    assert.equal(matches({ op: 'le', property: 'aqi', value: '100' }, { aqi: 99.5 }), true);
  });

  it('never matches a missing value, not even with ne', () => {
    assert.equal(matches({ op: 'ne', property: 'aqi', value: 1 }, {}), false);
    assert.equal(matches({ op: 'lt', property: 'aqi', value: 1 }, { aqi: null }), false);
  });

  it('compares booleans with boolean literals and their text', () => {
    assert.equal(matches({ op: 'eq', property: 'automatic', value: true }, { automatic: true }), true);
    assert.equal(matches({ op: 'eq', property: 'automatic', value: 'true' }, { automatic: true }), true);
    assert.equal(matches({ op: 'eq', property: 'automatic', value: false }, { automatic: true }), false);
    // As on the server: a boolean never equals a number or other text.
    assert.equal(matches({ op: 'eq', property: 'automatic', value: true }, { automatic: 1 }), false);
    assert.equal(matches({ op: 'ne', property: 'automatic', value: true }, { automatic: 'yes' }), false);
  });

  it('handles between, isNull, like', () => {
    assert.equal(matches({ op: 'between', property: 'aqi', lower: 0, upper: 50 }, { aqi: 50 }), true);
    assert.equal(matches({ op: 'between', property: 'aqi', lower: 0, upper: 50 }, { aqi: 51 }), false);
    assert.equal(matches({ op: 'isNull', property: 'aqi' }, {}), true);
    assert.equal(matches({ op: 'isNull', property: 'aqi' }, { aqi: 0 }), false);
    const like = { op: 'like', property: 'name', pattern: 'Vườn*', wildCard: '*', singleChar: '.', escapeChar: '!' };
    assert.equal(matches(like, { name: 'Vườn quốc gia Cát Bà' }), true);
    assert.equal(matches(like, { name: 'Khu bảo tồn' }), false);
  });

  it('combines with and, or, not', () => {
    const filter = {
      op: 'and',
      filters: [
        { op: 'eq', property: 'kind', value: 'national_park' },
        { op: 'not', filter: { op: 'or', filters: [{ op: 'lt', property: 'area_ha', value: 100 }, { op: 'isNull', property: 'area_ha' }] } },
      ],
    };
    assert.equal(matches(filter, { kind: 'national_park', area_ha: 16196 }), true);
    assert.equal(matches(filter, { kind: 'national_park' }), false);
    assert.equal(matches(filter, { kind: 'nature_reserve', area_ha: 16196 }), false);
  });

  it('accepts no filter and rejects unknown operators', () => {
    assert.equal(matches(undefined, {}), true);
    assert.throws(() => compileFilter({ op: 'dwithin' }), /Unsupported/);
  });
});

describe('likeToRegExp', () => {
  it('translates wild cards, single characters and escapes', () => {
    assert.equal(likeToRegExp('a.c*', '*', '.', '!').test('abcdef'), true);
    assert.equal(likeToRegExp('a!.c', '*', '.', '!').test('abc'), false);
    assert.equal(likeToRegExp('a!.c', '*', '.', '!').test('a.c'), true);
    assert.equal(likeToRegExp('50%-(x)', '%', '_', '\\').test('50%-(x)'), true);
    assert.equal(likeToRegExp('[a]', '*', '.', '!').test('[a]'), true);
    assert.equal(likeToRegExp('Vườn%', '%', '_', '\\').test('Vườn quốc gia'), true);
    assert.equal(likeToRegExp('a##b', '##', '?', '\\').test('a-anything-b'), true);
  });
});

describe('compare', () => {
  it('sorts ISO dates as text', () => {
    assert.ok(compare('2024-03-05', '2024-12-01') < 0);
  });
});
