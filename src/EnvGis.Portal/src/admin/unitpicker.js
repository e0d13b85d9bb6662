// Choosing one unit among ~130: a filter box (name or code, without accents) over a short list,
// instead of a 127-item native drop-down. The list is a <select> (keyboard and forms as usual).

import { h, replaceChildren } from '../core/dom.js';
import { language, t } from '../core/i18n.js';
import { uid } from '../core/ui.js';

/** Folds text for matching: lower case, no accents, đ → d (pure, unit tested). */
export function fold(text) {
  return String(text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The units whose name or code contains the typed text. */
export function matchUnits(units, text) {
  const wanted = fold(text).trim();
  return wanted ? units.filter((u) => fold(`${u.code} ${u.nameVi} ${u.nameEn}`).includes(wanted)) : units;
}

/**
 * @param {Array<Object>} units Units (code, nameVi, nameEn, kind).
 * @param {{name: string, selected?: string, onChange?: function(): void}} options Field name, first choice.
 * @return {{element: HTMLElement, select: HTMLSelectElement}} The filter and list (label included).
 */
export function unitPicker(units, { name, selected, onChange }) {
  const id = uid('unit');
  const filter = h('input', { type: 'search', name: `${name}Filter`, autocomplete: 'off', placeholder: t('admin.findUnit'), 'aria-controls': id });
  const select = h('select', { id, name, size: '6', class: 'unit-list' });
  const nameOf = (u) => (language() === 'en' ? u.nameEn : u.nameVi);
  const fill = (notify = true) => {
    const current = select.value || selected;
    const shown = matchUnits(units, filter.value);
    replaceChildren(select, shown.map((u) => h('option', { value: u.code, text: `${nameOf(u)} (${u.code})`, selected: u.code === current })));
    if (!select.value && shown.length) {
      select.value = shown[0].code;
    }
    if (notify) {
      onChange?.();
    }
  };
  filter.addEventListener('input', () => fill());
  select.addEventListener('change', () => onChange?.());
  fill(false);
  if (selected) {
    select.value = selected;
  }
  const element = h('div', { class: 'field unit-picker', dataset: { field: name } }, [
    h('label', { for: id, text: t('admin.unit') }),
    filter,
    select,
  ]);
  return { element, select };
}
