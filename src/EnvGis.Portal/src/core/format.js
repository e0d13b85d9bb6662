// Formats attribute values for people: numbers and dates in the current language's conventions,
// booleans as Có/Không (Yes/No). Free text is shown as it is (allowed values get their catalogue labels
// in the popup).

import { language, locale, t } from './i18n.js';

/** Dates and times are shown in Hải Phòng's time zone. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const cache = new Map();
function formatter(kind) {
  const key = `${language()}:${kind}`;
  if (!cache.has(key)) {
    cache.set(key, createFormatter(kind));
  }
  return cache.get(key);
}

function createFormatter(kind) {
  const en = language() === 'en';
  switch (kind) {
    case 'number':
      // 'min2': 1986 stays 1986 (years), 16196.8 becomes 16.196,8 (vi) / 16,196.8 (en).
      return new Intl.NumberFormat(locale(), { maximumFractionDigits: 6, useGrouping: 'min2' });
    case 'date':
      return new Intl.DateTimeFormat(
        locale(),
        en ? { dateStyle: 'medium', timeZone: 'UTC' } : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
      );
    case 'datetime':
      return new Intl.DateTimeFormat(locale(), {
        // dateStyle cannot be combined with hour/minute (a TypeError in English): spell the parts out.
        ...(en ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: '2-digit', month: '2-digit', year: 'numeric' }),
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: TIME_ZONE,
        timeZoneName: 'shortOffset',
      });
    default:
      throw new Error(`Unknown formatter ${kind}`);
  }
}

/**
 * Formats one value.
 * @param {any} value Value from a vector tile (string, number or boolean).
 * @param {string} type Catalogue type: text, integer, number, date, datetime, boolean.
 * @return {string} Text for display ('' for a missing value).
 */
export function formatValue(value, type) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  switch (type) {
    case 'boolean': {
      const text = String(value).toLowerCase();
      if (value === true || text === 'true' || text === '1') {
        return t('yes');
      }
      if (value === false || text === 'false' || text === '0') {
        return t('no');
      }
      return String(value);
    }
    case 'integer':
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? formatter('number').format(n) : String(value);
    }
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
      if (!match) {
        return String(value);
      }
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      return formatter('date').format(date);
    }
    case 'datetime': {
      const date = new Date(String(value));
      return Number.isNaN(date.getTime()) ? String(value) : formatter('datetime').format(date);
    }
    default:
      return String(value);
  }
}
