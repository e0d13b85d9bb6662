// Draws an attribute form (forms.js) and keeps its texts: one labelled input per field, required
// marks, choice lists with their catalogue labels, inline messages in the current language. Every
// keystroke is reported (the draft store keeps it); validation runs on demand and on leaving a field.

import { h } from '../core/dom.js';
import { fieldsFor, optionsFor, parseField, validateForm } from './forms.js';
import { localized, t } from '../core/i18n.js';
import { labelled, setFieldError } from '../core/ui.js';

/**
 * @param {Object} layer Catalogue layer.
 * @param {Object<string, string>} texts Initial texts.
 * @param {function(Object<string, string>): void} onInput Called with all texts after a change.
 * @return {{element: HTMLElement, texts: function(): Object, validate: function(): Object, fields: Array<Object>}}
 */
export function createForm(layer, texts, onInput, { categoryTitle = '' } = {}) {
  const fields = fieldsFor(layer);
  const current = { ...texts };
  const rows = new Map();
  const element = h('form', { class: 'record-form', novalidate: true, dataset: { layer: layer.name } });
  element.addEventListener('submit', (event) => event.preventDefault());

  element.append(h('p', { class: 'form-category' }, [h('strong', { text: `${t('form.category')}: ` }), categoryTitle]));
  let metadataHeading = false;
  for (const field of fields) {
    if (field.metadata && !metadataHeading) {
      element.append(h('h4', { class: 'form-section', text: t('form.metadata') }));
      metadataHeading = true;
    }
    const input = inputFor(field, current[field.name] ?? '');
    const label = field.labelKey ? t(field.labelKey) : localized(field.label) || field.name;
    const row = labelled(label, input, { required: field.required, hint: hintFor(field) });
    const update = () => {
      current[field.name] = input.value;
      if (row.classList.contains('invalid')) {
        check(field, row);
      }
      onInput({ ...current });
    };
    input.addEventListener('input', update);
    input.addEventListener('change', update);
    input.addEventListener('blur', () => check(field, row));
    rows.set(field.name, row);
    element.append(row);
  }

  function check(field, row) {
    const { error } = parseField(field, current[field.name]);
    setFieldError(row, error ? t(error, { max: '4000' }) : null);
    return !error;
  }

  return {
    element,
    fields,
    texts: () => ({ ...current }),
    /** Validates everything, shows the messages, focuses the first wrong field; returns {values, errors}. */
    validate() {
      const result = validateForm(fields, current);
      for (const [name, row] of rows) {
        const error = result.errors[name];
        setFieldError(row, error ? t(error.key, error.params) : null);
      }
      const first = fields.find((f) => result.errors[f.name]);
      if (first) {
        rows.get(first.name).querySelector('input, select, textarea')?.focus();
      }
      return result;
    },
  };
}

function inputFor(field, text) {
  let input;
  switch (field.input) {
    case 'select':
      input = h('select', { name: field.name, required: field.required },
        optionsFor(field, localized, t).map((o) => h('option', { value: o.value, text: o.label })));
      break;
    case 'textarea':
      input = h('textarea', { name: field.name, rows: '2', maxlength: '4000' });
      break;
    case 'number':
      input = h('input', { name: field.name, type: 'text', inputmode: field.type === 'integer' ? 'numeric' : 'decimal', autocomplete: 'off' });
      break;
    case 'date':
      input = h('input', { name: field.name, type: 'date' });
      break;
    case 'datetime':
      input = h('input', { name: field.name, type: 'datetime-local' });
      break;
    default:
      input = h('input', { name: field.name, type: 'text', maxlength: '4000', autocomplete: 'off' });
  }
  input.value = text;
  if (field.required) {
    input.setAttribute('aria-required', 'true');
  }
  return input;
}

function hintFor(field) {
  if (field.type === 'integer') {
    return t('form.hintInteger');
  }
  if (field.type === 'number') {
    return t('form.hintNumber');
  }
  if (field.name === 'source') {
    return t('form.hintSource');
  }
  return null;
}
