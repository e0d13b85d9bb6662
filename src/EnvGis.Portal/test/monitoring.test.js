import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flaggedRanges, limitToDraw, windowOf } from '../src/monitoring/series.js';

describe('station chart helpers', () => {
  it('ends a period at the next full hour', () => {
    const { from, to } = windowOf('24h', new Date('2026-12-03T13:25:10Z'));
    assert.equal(to.toISOString(), '2026-12-03T14:00:00.000Z');
    assert.equal(from.toISOString(), '2026-12-02T14:00:00.000Z');
    assert.equal(windowOf('30d', new Date('2026-12-03T13:25:10Z')).from.toISOString(), '2026-11-03T14:00:00.000Z');
  });

  it('draws the hourly limit, else the 24-hour one valid on the day, a permit first', () => {
    const pm25 = [
      { kind: 'national', standard: 'QCVN 05:2023/BTNMT', averaging: '24h', high: 50, validTo: '2026-01-01' },
      { kind: 'national', standard: 'QCVN 05:2023/BTNMT', averaging: '24h', high: 45, validFrom: '2026-01-01' },
      { kind: 'national', standard: 'QCVN 05:2023/BTNMT', averaging: 'year', high: 25 },
    ];
    assert.equal(limitToDraw(pm25, new Date('2025-12-31T12:00:00Z')).high, 50);
    assert.equal(limitToDraw(pm25, new Date('2026-01-01T12:00:00Z')).high, 45);
    const cod = [
      { kind: 'national', standard: 'QCVN 08', averaging: '1h', high: 10 },
      { kind: 'permit', standard: 'QCVN 40:2025 (GP 1)', averaging: '1h', high: 75 },
    ];
    assert.equal(limitToDraw(cod, new Date()).high, 75);
    assert.equal(limitToDraw([{ averaging: '1h', low: 6 }], new Date()), null);
    assert.equal(limitToDraw(undefined, new Date()), null);
  });

  it('joins consecutive calibrating or fault hours into ranges', () => {
    const values = [
      { time: '2026-12-03T01:00:00Z', calibrating: 1, fault: 0 },
      { time: '2026-12-03T02:00:00Z', calibrating: 0, fault: 3 },
      { time: '2026-12-03T03:00:00Z', calibrating: 0, fault: 0 },
      { time: '2026-12-03T05:00:00Z', calibrating: 2, fault: 0 },
    ];
    const s = (iso) => Date.parse(iso) / 1000;
    assert.deepEqual(flaggedRanges(values), [
      [s('2026-12-03T01:00:00Z'), s('2026-12-03T03:00:00Z')],
      [s('2026-12-03T05:00:00Z'), s('2026-12-03T06:00:00Z')],
    ]);
  });
});
