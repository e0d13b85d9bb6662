// The portal's language: Vietnamese (the default) or English, remembered in localStorage. The UI
// strings live in one file per language (i18n/vi.js, i18n/en.js); texts that come with the data
// (layer and category titles, attribute labels, legend rule titles) are {vi, en} objects from the
// server and go through `localized`.

import vi from '../i18n/vi.js';

const STORAGE_KEY = 'envgis.lang';
export const LANGUAGES = ['vi', 'en'];

/** Vietnamese is in the public bundle; English is fetched when first chosen. */
const STRINGS = { vi };
const LOADERS = { en: () => import('../i18n/en.js') };

/** Makes sure a language's strings are loaded (resolves at once for Vietnamese). */
export async function loadLanguage(lang = current) {
  if (!STRINGS[lang] && LOADERS[lang]) {
    STRINGS[lang] = (await LOADERS[lang]()).default;
  }
}

let current = initialLanguage();
const listeners = new Set();

function initialLanguage() {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(stored)) {
      return stored;
    }
  } catch {
    // Storage may be unavailable (privacy mode): Vietnamese is the default.
  }
  return 'vi';
}

/** @return {string} The current language code ('vi' or 'en'). */
export function language() {
  return current;
}

/** @return {string} The BCP 47 locale used for numbers and dates. */
export function locale() {
  return current === 'en' ? 'en-GB' : 'vi-VN';
}

/**
 * Switches the language, remembers it and tells every listener.
 * @param {string} lang 'vi' or 'en'.
 */
export async function setLanguage(lang) {
  if (!LANGUAGES.includes(lang) || lang === current) {
    return;
  }
  await loadLanguage(lang);
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; the switch still works for this page.
  }
  document.documentElement.lang = lang;
  for (const listener of listeners) {
    listener(lang);
  }
}

/**
 * @param {function(string):void} listener Called with the new language after every switch.
 * @return {function(): void} Stops the calls.
 */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A UI string in the current language.
 * @param {string} key Key in the table.
 * @param {Object<string, string>} [params] Values for `{name}` placeholders.
 * @return {string} The text.
 */
export function t(key, params) {
  const text = STRINGS[current]?.[key] ?? STRINGS.vi[key];
  if (text === undefined) {
    throw new Error(`Missing UI string "${key}"`);
  }
  return params ? text.replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '') : text;
}

/**
 * Whether the table has a string for the key.
 * @param {string} key Key.
 * @return {boolean} True when present.
 */
export function has(key) {
  return key in STRINGS.vi;
}

/**
 * Picks the current language out of a {vi, en} text from the server.
 * @param {{vi?: string, en?: string}|string|null|undefined} text Localized text.
 * @return {string} The text, falling back to the other language, or ''.
 */
export function localized(text) {
  if (text === null || text === undefined) {
    return '';
  }
  if (typeof text === 'string') {
    return text;
  }
  return text[current] || text.vi || text.en || '';
}

/**
 * Fills the static strings of a subtree: `data-i18n` (text), `data-i18n-aria-label`,
 * `data-i18n-title`.
 * @param {ParentNode} root Root.
 */
export function translateStatic(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  }
  for (const element of root.querySelectorAll('[data-i18n-title]')) {
    element.setAttribute('title', t(element.dataset.i18nTitle));
  }
}

/** Exposed for tests: the whole table. */
export const strings = STRINGS;
