// Evaluates the style filters of the server's style JSON (the SLD/FES filter subset) against a
// feature's properties. Compiled once per rule into a predicate.

/**
 * @typedef {function(function(string): any): boolean} Predicate Takes a property getter.
 */

/**
 * Compiles a filter.
 * @param {Object|null|undefined} filter Filter JSON; absent means "always".
 * @return {Predicate} Predicate.
 */
export function compileFilter(filter) {
  if (!filter) {
    return () => true;
  }
  switch (filter.op) {
    case 'and': {
      const parts = (filter.filters || []).map(compileFilter);
      return (get) => parts.every((p) => p(get));
    }
    case 'or': {
      const parts = (filter.filters || []).map(compileFilter);
      return (get) => parts.some((p) => p(get));
    }
    case 'not': {
      const inner = compileFilter(filter.filter);
      return (get) => !inner(get);
    }
    case 'eq':
    case 'ne':
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      return compileComparison(filter.op, filter.property, filter.value);
    case 'between': {
      const { property, lower, upper } = filter;
      return (get) => {
        const value = get(property);
        const low = compare(value, lower);
        const high = compare(value, upper);
        return low !== null && high !== null && low >= 0 && high <= 0;
      };
    }
    case 'like': {
      const regex = likeToRegExp(filter.pattern, filter.wildCard, filter.singleChar, filter.escapeChar);
      return (get) => {
        const value = get(filter.property);
        return value !== null && value !== undefined && regex.test(String(value));
      };
    }
    case 'isNull':
      return (get) => {
        const value = get(filter.property);
        return value === null || value === undefined;
      };
    default:
      throw new Error(`Unsupported style filter operator "${filter.op}"`);
  }
}

function compileComparison(op, property, literal) {
  const test = {
    eq: (c) => c === 0,
    ne: (c) => c !== 0,
    lt: (c) => c < 0,
    le: (c) => c <= 0,
    gt: (c) => c > 0,
    ge: (c) => c >= 0,
  }[op];
  return (get) => {
    const c = compare(get(property), literal);
    // A missing value matches nothing, not even "ne" (as in SQL and FES).
    return c !== null && test(c);
  };
}

/**
 * Compares a property value with a literal exactly as the server's renderer does (EnvGis.Core
 * FilterValues.Compare), so the map and WMS agree: as booleans when either is a boolean (the other
 * must be a boolean or the text true/false), numerically when both read as numbers, else as
 * strings by UTF-16 code units (ISO dates sort correctly as strings).
 * @param {any} value Property value.
 * @param {any} literal Literal from the filter.
 * @return {number|null} Negative, zero or positive; null when either is missing or a boolean meets
 *   something that is not one.
 */
export function compare(value, literal) {
  if (value === null || value === undefined || literal === null || literal === undefined) {
    return null;
  }
  if (typeof value === 'boolean' || typeof literal === 'boolean') {
    const a = asBoolean(value);
    const b = asBoolean(literal);
    if (a === null || b === null) {
      return null;
    }
    return Number(a) - Number(b);
  }
  const a = asNumber(value);
  const b = asNumber(literal);
  if (a !== null && b !== null) {
    return a - b;
  }
  const sa = String(value);
  const sb = String(literal);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function asNumber(value) {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value.trim())) {
    const number = Number(value.trim());
    return Number.isFinite(number) ? number : null;
  }
  return null;
}

function asBoolean(value) {
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : null;
}

/**
 * Turns an FES PropertyIsLike pattern into an anchored regular expression.
 * @param {string} pattern Pattern.
 * @param {string} [wildCard='*'] Any sequence.
 * @param {string} [singleChar='.'] Any one character.
 * @param {string} [escapeChar='!'] Makes the next character literal.
 * @return {RegExp} Expression.
 */
export function likeToRegExp(pattern, wildCard = '*', singleChar = '.', escapeChar = '!') {
  const text = String(pattern ?? '');
  let source = '';
  for (let i = 0; i < text.length; ) {
    if (escapeChar && text.startsWith(escapeChar, i) && i + escapeChar.length < text.length) {
      const literal = String.fromCodePoint(text.codePointAt(i + escapeChar.length));
      source += escapeRegExp(literal);
      i += escapeChar.length + literal.length;
    } else if (wildCard && text.startsWith(wildCard, i)) {
      source += '.*';
      i += wildCard.length;
    } else if (singleChar && text.startsWith(singleChar, i)) {
      source += '.';
      i += singleChar.length;
    } else {
      const literal = String.fromCodePoint(text.codePointAt(i));
      source += escapeRegExp(literal);
      i += literal.length;
    }
  }
  return new RegExp(`^${source}$`, 'su');
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
