// A unit's description for the administrator: a new unit (code, names vi/en, kind, commune,
// self-approval) or the changes to an existing one. Its scope is set in adminunits.js.

import * as admin from './api.js';
import { h } from '../core/dom.js';
import { closeDrawer, openDrawer } from '../core/drawer.js';
import { language, t } from '../core/i18n.js';
import { COMMUNE_CODE, communes } from '../edit/scope.js';
import { button, describeError, labelled, message } from '../core/ui.js';

export const UNIT_KINDS = ['department', 'city_department', 'economic_zone_authority', 'commune', 'enterprise', 'client'];
const CITY_LEVEL = ['department', 'city_department', 'economic_zone_authority'];

/**
 * Opens the unit form in the drawer.
 * @param {?Object} unit The unit to change, or null for a new one.
 * @param {function(Object): void} onSaved Called with the saved unit.
 */
export async function openUnitForm(unit, onSaved) {
  const all = await communes().catch(() => []);
  const code = h('input', { name: 'code', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', value: unit?.code ?? '', disabled: Boolean(unit) });
  const nameVi = h('input', { name: 'nameVi', autocomplete: 'off', value: unit?.nameVi ?? '' });
  const nameEn = h('input', { name: 'nameEn', autocomplete: 'off', value: unit?.nameEn ?? '' });
  const kind = h('select', { name: 'kind' }, UNIT_KINDS.map((k) => h('option', { value: k, text: t(`unitKind.${k}`), selected: (unit?.kind ?? 'city_department') === k })));
  const commune = h('select', { name: 'communeCode' }, [
    h('option', { value: '', text: t('admin.noCommune') }),
    ...all.map((f) => h('option', {
      value: f.properties[COMMUNE_CODE],
      text: `${f.properties.name} (${f.properties[COMMUNE_CODE]})`,
      selected: unit?.communeCode === f.properties[COMMUNE_CODE],
    })),
  ]);
  const selfApprove = h('input', { type: 'checkbox', name: 'selfApprove', checked: Boolean(unit?.selfApprove) });
  const note = h('p', { class: 'message', hidden: true, dataset: { testid: 'unit-message' } });
  const communeField = labelled(t('admin.communeCode'), commune);
  const selfApproveField = h('label', { class: 'check' }, [selfApprove, h('span', { text: t('admin.selfApprove') })]);
  // What does not apply to the kind of unit is not shown (rather than shown greyed).
  const fitKind = () => {
    commune.disabled = !['commune', 'enterprise'].includes(kind.value);
    communeField.hidden = commune.disabled;
    selfApprove.disabled = !CITY_LEVEL.includes(kind.value);
    selfApproveField.hidden = selfApprove.disabled;
    if (selfApprove.disabled) {
      selfApprove.checked = false;
    }
  };
  kind.addEventListener('change', fitKind);
  fitKind();

  const save = async () => {
    if (!unit && !/^[a-z0-9][a-z0-9_.-]{1,62}$/.test(code.value.trim())) {
      message(note, t('admin.unitCodeRule'), 'error');
      return;
    }
    if (!nameVi.value.trim() || !nameEn.value.trim()) {
      message(note, t('form.required'), 'error');
      return;
    }
    const body = {
      nameVi: nameVi.value.trim(),
      nameEn: nameEn.value.trim(),
      kind: kind.value,
      communeCode: commune.disabled ? '' : commune.value,
      selfApprove: selfApprove.checked,
    };
    try {
      const saved = unit ? await admin.updateUnit(unit.code, body) : await admin.createUnit({ code: code.value.trim(), ...body });
      message(note, t('admin.unitSaved'), 'ok');
      onSaved(saved);
    } catch (error) {
      message(note, describeError(error), 'error');
    }
  };

  const title = unit ? t('admin.editUnitTitle', { unit: language() === 'en' ? unit.nameEn : unit.nameVi }) : t('admin.newUnit');
  openDrawer(title, [
    labelled(t('admin.unitCode'), code, { required: true, hint: t('admin.unitCodeRule') }),
    labelled(t('admin.nameVi'), nameVi, { required: true }),
    labelled(t('admin.nameEn'), nameEn, { required: true }),
    labelled(t('admin.kind'), kind, { required: true }),
    communeField,
    selfApproveField,
    note,
    h('div', { class: 'actions' }, [button('cancel', closeDrawer), button('admin.saveUnit', save, { kind: 'primary' })]),
  ], null, 'unit-form');
}
