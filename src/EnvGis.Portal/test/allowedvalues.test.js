import assert from 'node:assert/strict';
import test from 'node:test';
import { formatValues, parseValues } from '../src/admin/allowedvalues.js';

test('allowed values are read one a line with their Vietnamese and English labels', () => {
  assert.deepEqual(parseValues('traffic = Giao thông / Traffic\n\n  industry=Công nghiệp/Industry \nother'), {
    allowedValues: ['traffic', 'industry', 'other'],
    valueLabels: {
      traffic: { vi: 'Giao thông', en: 'Traffic' },
      industry: { vi: 'Công nghiệp', en: 'Industry' },
      other: { vi: 'other', en: 'other' },
    },
  });
});

test('no lines means free text', () => {
  assert.equal(parseValues(' \n '), null);
});

test('a label without English uses the Vietnamese one', () => {
  assert.deepEqual(parseValues('a = Một').valueLabels.a, { vi: 'Một', en: 'Một' });
});

test('the form shows what it reads back', () => {
  const attribute = { allowedValues: ['x', 'y'], valueLabels: { x: { vi: 'Ích', en: 'Ex' } } };
  assert.equal(formatValues(attribute), 'x = Ích / Ex\ny');
  assert.deepEqual(parseValues(formatValues(attribute)).allowedValues, ['x', 'y']);
});
