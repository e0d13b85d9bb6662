// Changing an account without a handover (the holder stays the same): its unit, role, contact and
// the write grant of connection accounts. The server ends the account's sessions when the unit or role changes.

import * as admin from './api.js';
import { h, replaceChildren } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { unitPicker } from './unitpicker.js';
import { button, describeError, labelled, message } from '../core/ui.js';

/**
 * The fields and the save button for one account.
 * @param {Object} user The account (from /api/admin/users).
 * @param {Array<Object>} units Every unit (code, nameVi, kind).
 * @param {function(string): Array<string>} rolesFor Roles a unit kind allows.
 * @param {function(Object): void} onSaved Called with the saved account.
 * @return {Array<HTMLElement>} Nodes for the drawer.
 */
export function accountEditFields(user, units, rolesFor, onSaved) {
  const picker = unitPicker(units, { name: 'editUnit', selected: user.unitCode, onChange: () => fillRoles() });
  const unit = picker.select;
  const role = h('select', { name: 'editRole' });
  const contact = h('input', { name: 'editContact', autocomplete: 'off', value: user.holderContact ?? '' });
  const canWrite = h('input', { type: 'checkbox', name: 'editClientCanWrite', checked: Boolean(user.clientCanWrite) });
  const note = h('p', { class: 'message', hidden: true, dataset: { testid: 'account-edit-message' } });
  const canWriteField = h('label', { class: 'check' }, [canWrite, h('span', { text: t('admin.clientCanWrite') })]);
  function fillRoles() {
    const kind = units.find((u) => u.code === unit?.value)?.kind;
    if (!role || !canWrite) {
      return;
    }
    replaceChildren(role, rolesFor(kind).map((r) => h('option', { value: r, text: t(`role.${r}`), selected: r === user.role })));
    canWrite.disabled = kind !== 'client';
    canWriteField.hidden = canWrite.disabled;
    if (canWrite.disabled) {
      canWrite.checked = false;
    }
  }
  fillRoles();

  const save = async () => {
    try {
      const saved = await admin.updateUser(user.userName, {
        unit: unit.value,
        role: role.value,
        holderContact: contact.value.trim(),
        clientCanWrite: canWrite.checked,
      });
      message(note, t('admin.accountSaved'), 'ok');
      onSaved(saved);
    } catch (error) {
      message(note, describeError(error), 'error');
    }
  };

  return [
    h('h3', { text: t('admin.changeAccount') }),
    h('p', { class: 'field-hint', text: t('admin.changeAccountHint') }),
    picker.element,
    labelled(t('admin.role'), role),
    labelled(t('admin.holderContact'), contact),
    canWriteField,
    note,
    h('div', { class: 'actions' }, [button('admin.saveAccount', save, { kind: 'primary' })]),
  ];
}
