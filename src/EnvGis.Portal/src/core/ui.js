// Small UI pieces shared by the editing, review, history and administration views: buttons,
// labelled inputs, a message line, confirmation and comment dialogs, and server refusals put into
// words. Text only through textContent (dom.js).

import { h } from './dom.js';
import { has, language, t } from './i18n.js';

/** A button with a UI string. */
export function button(key, onclick, { kind = '', params, title, disabled = false, dataset } = {}) {
  return h('button', {
    type: 'button',
    class: `btn ${kind}`.trim(),
    text: t(key, params),
    title: title ?? null,
    disabled,
    dataset: { action: key, ...(dataset ?? {}) },
    onclick,
  });
}

let nextId = 0;
/** A unique element id. */
export function uid(prefix = 'f') {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A label and an input (or select/textarea) with a slot for its inline error. */
export function labelled(labelText, input, { required = false, hint = null } = {}) {
  input.id ||= uid();
  const error = h('p', { class: 'field-error', id: `${input.id}-error`, hidden: true, role: 'alert' });
  input.setAttribute('aria-describedby', error.id);
  return h('div', { class: 'field', dataset: { field: input.name || '' } }, [
    h('label', { for: input.id }, [labelText, required ? h('span', { class: 'required', 'aria-hidden': 'true', text: ' *' }) : null]),
    input,
    hint ? h('p', { class: 'field-hint', text: hint }) : null,
    error,
  ]);
}

/** Shows or clears the inline error of a labelled field. */
export function setFieldError(fieldElement, message) {
  const error = fieldElement.querySelector('.field-error');
  const input = fieldElement.querySelector('input, select, textarea');
  error.textContent = message ?? '';
  error.hidden = !message;
  fieldElement.classList.toggle('invalid', Boolean(message));
  input?.setAttribute('aria-invalid', String(Boolean(message)));
}

/**
 * A message line: notify(element, text, kind) with kind 'ok', 'error' or 'info'.
 */
export function message(element, text, kind = 'info') {
  element.textContent = text ?? '';
  element.hidden = !text;
  element.className = `message ${kind}`;
  element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/**
 * A server refusal in the chosen language: the problem's machine-readable `code` mapped to a sentence
 * (i18n `err.code.<code>`), else a sentence by HTTP status. The server's own detail is English: it is
 * added only when the portal speaks English.
 * @param {any} error ApiError or Error.
 * @return {string} Text.
 */
export function describeError(error) {
  const status = error?.status;
  const code = error?.code ? `err.code.${error.code}` : null;
  if (code && has(code)) {
    return t(code);
  }
  const lead = status === 0 ? t('err.network')
    : status === 401 ? t('err.signIn')
      : status === 403 ? t('err.forbidden')
        : status === 404 ? t('err.notFound')
          : status === 409 ? t('err.conflict')
            : status === 413 ? t('err.tooLarge')
              : status === 429 ? t('err.tooMany')
                : status >= 500 ? t('err.server')
                  : status ? t('err.invalid') : t('err.unexpected');
  const detail = language() === 'en' && error?.detail && error.detail !== lead ? ` ${t('err.serverSaid')} ${error.detail}` : '';
  return `${lead}${detail}`;
}

function modal(build) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'modal' });
    const close = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(null);
    });
    build(dialog, close);
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}

/**
 * Asks for confirmation.
 * @return {Promise<boolean>} True when confirmed.
 */
export function confirmDialog(title, text, { confirmKey = 'confirm', danger = false } = {}) {
  return modal((dialog, close) => {
    dialog.append(
      h('h2', { text: title }),
      h('p', { text }),
      h('div', { class: 'actions' }, [
        button('cancel', () => close(false)),
        button(confirmKey, () => close(true), { kind: danger ? 'danger' : 'primary' }),
      ]),
    );
  }).then(Boolean);
}

/**
 * Asks for a text (a comment, a reason).
 * @return {Promise<?string>} The text, or null when cancelled.
 */
export function promptDialog(title, labelText, { required = false, confirmKey = 'confirm', multiline = true } = {}) {
  return modal((dialog, close) => {
    const input = h(multiline ? 'textarea' : 'input', { name: 'comment', rows: multiline ? '4' : null, maxlength: '2000' });
    const field = labelled(labelText, input, { required });
    const ok = () => {
      if (required && !input.value.trim()) {
        setFieldError(field, t('form.required'));
        input.focus();
        return;
      }
      close(input.value.trim());
    };
    dialog.append(h('h2', { text: title }), field, h('div', { class: 'actions' }, [
      button('cancel', () => close(null)),
      button(confirmKey, ok, { kind: 'primary' }),
    ]));
  });
}

/** A definition list of [term, value] pairs. */
export function definitions(rows, className = 'defs') {
  const list = h('dl', { class: className });
  for (const [term, value] of rows) {
    list.append(h('dt', { text: term }), h('dd', { text: value ?? '' }));
  }
  return list;
}
