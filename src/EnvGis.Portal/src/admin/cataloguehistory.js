// The catalogue's change history in the administrator's catalogue section (docs/catalogue.md "History"):
// when, who, what was changed, newest first, with the members each change touched (before → after).

import * as catalogueApi from './catalogueapi.js';
import { h, replaceChildren } from '../core/dom.js';
import { formatValue } from '../core/format.js';
import { t } from '../core/i18n.js';
import { describeError } from '../core/ui.js';

const ACTIONS = ['add-layer', 'change-layer', 'remove-layer', 'add-attribute', 'change-attribute', 'remove-attribute', 'change-category'];

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function short(value) {
  const text = value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** What a change did, one line per member: a change lists what differs, an addition or removal what it kept. */
export function describeChange(entry) {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  if (!entry.before || entry.action.startsWith('remove-')) {
    const shown = entry.action.startsWith('add-') ? ['title', 'geometryType', 'type', 'required'] : Object.keys(after);
    return shown.filter((k) => after[k] !== undefined).map((k) => `${k}: ${short(after[k])}`);
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => !same(before[k], after[k])).map((k) => `${k}: ${short(before[k])} → ${short(after[k])}`);
}

function subject(entry) {
  if (entry.category !== null && entry.category !== undefined) {
    return `${t('catalogueHistory.category')} ${entry.category}`;
  }
  return entry.attribute ? `${entry.layer}.${entry.attribute}` : entry.layer ?? '';
}

/** @return {{element: HTMLElement, refresh: () => void}} A collapsible section loaded when opened. */
export function createCatalogueHistory() {
  const body = h('div', { class: 'admin-body' });
  const element = h('details', { class: 'admin-section', dataset: { section: 'catalogue-history' } }, [
    h('summary', { text: t('catalogueHistory.title') }), body]);

  async function load() {
    replaceChildren(body, [h('p', { class: 'field-hint', text: t('loading') })]);
    try {
      const entries = await catalogueApi.history();
      // One block per change (the administration panel is narrow): what and on what, then when and who, then the details.
      replaceChildren(body, [entries.length ? h('ul', { class: 'item-list', dataset: { testid: 'catalogue-history' } }, entries.map((e) =>
        h('li', { class: 'item', dataset: { id: String(e.id), action: e.action } }, [
          h('span', { class: 'item-title', text: `${ACTIONS.includes(e.action) ? t(`catalogueHistory.action.${e.action}`) : e.action} · ${subject(e)}` }),
          h('span', { class: 'item-meta', text: `${t('catalogueHistory.at')}: ${formatValue(e.at, 'datetime')} · ${t('catalogueHistory.who')}: ${e.userName}` }),
          h('ul', { class: 'plain small' }, describeChange(e).map((line) => h('li', { text: line }))),
        ]))) : h('p', { class: 'field-hint', text: t('admin.none') })]);
    } catch (error) {
      replaceChildren(body, [h('p', { class: 'message error', text: describeError(error) })]);
    }
  }

  const refresh = () => {
    if (element.open) {
      load();
    }
  };
  element.addEventListener('toggle', refresh);
  return { element, refresh };
}
