// Attribute forms from the layer catalogue (no DOM here: formview.js draws them). Each catalogue
// attribute becomes a field with the right input for its type; the record metadata a writer may set
// (validity period, source, citation, restricted) follows. Values are kept as the text the user typed
// and only turned into typed JSON values, after validation, when the record is sent.

import { parseNumber } from './coordinates.js';

/** The editable record metadata (EnvGis.Core.Records.EditableMetadata), labelled by i18n keys. */
export const METADATA_FIELDS = [
  { name: 'valid_from', type: 'date', required: false, labelKey: 'validFrom', metadata: true },
  { name: 'valid_to', type: 'date', required: false, labelKey: 'validTo', metadata: true },
  { name: 'source', type: 'text', required: false, labelKey: 'source', metadata: true, multiline: true },
  { name: 'citation', type: 'text', required: false, labelKey: 'citation', metadata: true, multiline: true },
  { name: 'restricted', type: 'boolean', required: true, labelKey: 'restricted', metadata: true, defaultText: 'false' },
];

export const MAX_TEXT = 4000;
const INT32 = [-2147483648, 2147483647];

/**
 * The fields of a layer's form.
 * @param {Object} layer Catalogue layer (`/api/layers`).
 * @return {Array<Object>} Fields: name, type, required, input ('text', 'textarea', 'number', 'date',
 *   'datetime', 'select'), options ([{value, label}] for choice lists and yes/no), label ({vi,en}) or
 *   labelKey (i18n), metadata.
 */
export function fieldsFor(layer) {
  const attributes = (layer.attributes ?? []).filter((a) => !a.measured).map((a) => ({
    name: a.name,
    type: a.type,
    required: Boolean(a.required),
    label: a.label,
    allowedValues: a.allowedValues ?? null,
    valueLabels: a.valueLabels ?? null,
    metadata: false,
  }));
  return [...attributes, ...METADATA_FIELDS.map((f) => ({ ...f }))].map((field) => ({ ...field, input: inputFor(field) }));
}

function inputFor(field) {
  if (field.allowedValues?.length || field.type === 'boolean') {
    return 'select';
  }
  switch (field.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    default:
      return field.multiline ? 'textarea' : 'text';
  }
}

/**
 * The choices of a select field: allowed values with their labels, or yes/no; an empty choice first
 * unless the field has a default (restricted: no).
 * @param {Object} field Field.
 * @param {function(Object|string): string} localized Picks the language of a {vi,en} label.
 * @param {function(string): string} t UI strings.
 * @return {Array<{value: string, label: string}>} Options.
 */
export function optionsFor(field, localized, t) {
  const options = field.defaultText !== undefined ? [] : [{ value: '', label: t('form.choose') }];
  if (field.type === 'boolean') {
    options.push({ value: 'true', label: t('yes') }, { value: 'false', label: t('no') });
  } else {
    for (const value of field.allowedValues ?? []) {
      const label = field.valueLabels?.[value];
      options.push({ value, label: label ? localized(label) : value });
    }
  }
  return options;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(text) {
  const match = DATE.exec(text);
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1
    && date.getUTCDate() === Number(match[3]);
}

/**
 * Turns one field's text into its JSON value.
 * @param {Object} field Field.
 * @param {string} text What the input holds.
 * @return {{value: any, error: ?string}} The value (null when empty) or an i18n error key.
 */
export function parseField(field, text) {
  const raw = String(text ?? '');
  const trimmed = raw.trim();
  if (trimmed === '') {
    return field.required ? { value: null, error: 'form.required' } : { value: null, error: null };
  }
  if (field.allowedValues?.length && !field.allowedValues.includes(trimmed)) {
    return { value: null, error: 'form.choice' };
  }
  switch (field.type) {
    case 'integer': {
      const n = parseNumber(trimmed);
      if (!Number.isInteger(n)) {
        return { value: null, error: 'form.integer' };
      }
      return n < INT32[0] || n > INT32[1] ? { value: null, error: 'form.outOfRange' } : { value: n, error: null };
    }
    case 'number': {
      const n = parseNumber(trimmed);
      return Number.isFinite(n) ? { value: n, error: null } : { value: null, error: 'form.number' };
    }
    case 'boolean':
      return trimmed === 'true' || trimmed === 'false'
        ? { value: trimmed === 'true', error: null }
        : { value: null, error: 'form.choice' };
    case 'date':
      return validDate(trimmed) ? { value: trimmed, error: null } : { value: null, error: 'form.date' };
    case 'datetime': {
      // <input type=datetime-local> gives local Hải Phòng time (UTC+7, no daylight saving).
      const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(trimmed);
      if (!match || !validDate(match[1])) {
        return { value: null, error: 'form.datetime' };
      }
      return { value: `${match[1]}T${match[2]}${match[3] ?? ':00'}+07:00`, error: null };
    }
    default:
      return raw.length > MAX_TEXT ? { value: null, error: 'form.tooLong' } : { value: raw, error: null };
  }
}

/**
 * Validates a whole form.
 * @param {Array<Object>} fields Fields.
 * @param {Object<string, string>} texts Texts by field name.
 * @return {{values: Object<string, any>, errors: Object<string, {key: string, params?: Object}>}}
 *   Typed values of every field, and the problems by field name (empty when valid).
 */
export function validateForm(fields, texts) {
  const values = {};
  const errors = {};
  for (const field of fields) {
    const { value, error } = parseField(field, texts[field.name]);
    values[field.name] = value;
    if (error) {
      errors[field.name] = { key: error, params: error === 'form.tooLong' ? { max: String(MAX_TEXT) } : undefined };
    }
  }
  if (values.valid_from && values.valid_to && values.valid_to < values.valid_from && !errors.valid_to) {
    errors.valid_to = { key: 'form.validPeriod' };
  }
  return { values, errors };
}

/** The texts of a new, empty form (defaults such as "not restricted"). */
export function defaultTexts(fields) {
  const texts = {};
  for (const field of fields) {
    texts[field.name] = field.defaultText ?? '';
  }
  return texts;
}

/** A stored value as the text of its input. */
export function textOf(field, value) {
  if (value === null || value === undefined) {
    return '';
  }
  switch (field.type) {
    case 'boolean':
      return value === true || value === 'true' ? 'true' : value === false || value === 'false' ? 'false' : '';
    case 'date':
      return String(value).slice(0, 10);
    case 'datetime': {
      const date = new Date(String(value));
      if (Number.isNaN(date.getTime())) {
        return '';
      }
      // As Hải Phòng local time for datetime-local.
      return new Date(date.getTime() + 7 * 3600000).toISOString().slice(0, 16);
    }
    default:
      return String(value);
  }
}

/**
 * Form texts from a stored record's columns.
 * @param {Array<Object>} fields Fields.
 * @param {Object} columns Record columns (records API).
 * @return {Object<string, string>} Texts by field name.
 */
export function textsFromRecord(fields, columns) {
  const texts = defaultTexts(fields);
  for (const field of fields) {
    if (columns && columns[field.name] !== undefined && columns[field.name] !== null) {
      texts[field.name] = textOf(field, columns[field.name]);
    }
  }
  return texts;
}

const fold = (s) => String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
  .toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Form texts from an imported feature's properties: names matched without case, accents or
 * punctuation, also against the attribute labels; choice values matched against their labels.
 * @param {Array<Object>} fields Fields.
 * @param {Object} properties Imported properties.
 * @return {Object<string, string>} Texts of the fields found.
 */
export function textsFromProperties(fields, properties) {
  const byKey = new Map();
  for (const [name, value] of Object.entries(properties ?? {})) {
    byKey.set(fold(name), value);
  }
  const texts = {};
  for (const field of fields) {
    const keys = [field.name, field.label?.vi, field.label?.en].filter(Boolean).map(fold);
    const key = keys.find((k) => byKey.has(k));
    if (key === undefined) {
      continue;
    }
    let value = byKey.get(key);
    if (value === null || value === undefined || (typeof value === 'object')) {
      continue;
    }
    if (field.allowedValues?.length && !field.allowedValues.includes(String(value))) {
      const wanted = fold(value);
      value = field.allowedValues.find((v) => fold(v) === wanted
        || fold(field.valueLabels?.[v]?.vi ?? '') === wanted || fold(field.valueLabels?.[v]?.en ?? '') === wanted) ?? String(value);
    }
    texts[field.name] = field.type === 'boolean'
      ? (['true', '1', 'yes', 'y', 'co', 't'].includes(fold(value)) ? 'true' : ['false', '0', 'no', 'n', 'khong', 'f'].includes(fold(value)) ? 'false' : '')
      : textOf(field, value);
  }
  return texts;
}

/**
 * The properties a records API call sends: every field's typed value (null for empty ones), so an
 * update also clears what the user emptied.
 * @param {Object<string, any>} values Validated values.
 * @return {Object<string, any>} Properties.
 */
export function propertiesFrom(values) {
  return { ...values };
}
