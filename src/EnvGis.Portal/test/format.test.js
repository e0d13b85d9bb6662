import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatValue } from '../src/core/format.js';
import { language } from '../src/core/i18n.js';

describe('formatValue (Vietnamese, the default)', () => {
  it('is Vietnamese without a stored choice', () => {
    assert.equal(language(), 'vi');
  });

  it('shows booleans as Có / Không', () => {
    assert.equal(formatValue(true, 'boolean'), 'Có');
    assert.equal(formatValue(false, 'boolean'), 'Không');
    assert.equal(formatValue('true', 'boolean'), 'Có');
  });

  it('groups thousands Vietnamese-style but leaves years alone', () => {
    assert.equal(formatValue(16196.8, 'number'), '16.196,8');
    assert.equal(formatValue(1986, 'integer'), '1986');
  });

  it('shows dates as dd/mm/yyyy', () => {
    assert.equal(formatValue('2024-03-05', 'date'), '05/03/2024');
  });

  it('shows instants in Hải Phòng time', () => {
    assert.match(formatValue('2025-07-01T03:30:00Z', 'datetime'), /10:30.*01\/07\/2025|01\/07\/2025.*10:30/);
  });

  it('shows text and allowed values as they are, and nothing for missing values', () => {
    assert.equal(formatValue('national_park', 'text'), 'national_park');
    assert.equal(formatValue('<b>x</b>', 'text'), '<b>x</b>');
    assert.equal(formatValue(undefined, 'text'), '');
    assert.equal(formatValue('not a date', 'date'), 'not a date');
  });
});
