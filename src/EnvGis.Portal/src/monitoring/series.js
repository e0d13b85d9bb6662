// Pure helpers of the station chart (tested with node --test): the time window of a period, the limit
// to draw for a series, and the hours to mark as calibrating or fault.

/** The periods offered and their length in hours. */
export const PERIODS = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 };

/**
 * The [from, to) of a period ending now (to: the next full hour).
 * @param {string} period Key of PERIODS.
 * @param {Date} now Now.
 * @return {{from: Date, to: Date}} Window.
 */
export function windowOf(period, now) {
  const to = new Date(now.getTime());
  to.setUTCMinutes(0, 0, 0);
  to.setUTCHours(to.getUTCHours() + 1);
  return { from: new Date(to.getTime() - PERIODS[period] * 3600 * 1000), to };
}

/**
 * The limit to draw over hourly means at a time: an hourly limit if there is one, else the 24-hour one
 * (drawn for reference), valid on that day; a permit limit before a national one.
 * @param {Array<Object>} limits Limits of the series (`/observations`).
 * @param {Date} at The time the limit must be valid at.
 * @return {Object|null} The limit or null.
 */
export function limitToDraw(limits, at) {
  const day = at.toISOString().slice(0, 10);
  const valid = (limits ?? []).filter(
    (l) => (l.high ?? null) !== null && (!l.validFrom || l.validFrom <= day) && (!l.validTo || day < l.validTo),
  );
  for (const averaging of ['1h', '24h', '8h']) {
    const found = valid.filter((l) => l.averaging === averaging).sort((a, b) => (a.kind === 'permit' ? -1 : 0) - (b.kind === 'permit' ? -1 : 0));
    if (found.length) {
      return found[0];
    }
  }
  return null;
}

/**
 * Runs of consecutive hours holding calibrating or fault readings, as [start, end) seconds.
 * @param {Array<{time: string, calibrating: number, fault: number}>} values Hourly values.
 * @return {Array<[number, number]>} Ranges in Unix seconds.
 */
export function flaggedRanges(values) {
  const ranges = [];
  for (const v of values ?? []) {
    if (!(v.calibrating > 0 || v.fault > 0)) {
      continue;
    }
    const start = Date.parse(v.time) / 1000;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === start) {
      last[1] = start + 3600;
    } else {
      ranges.push([start, start + 3600]);
    }
  }
  return ranges;
}
