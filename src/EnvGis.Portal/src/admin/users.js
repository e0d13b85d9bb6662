// Administration of accounts (Art. 4, 11): the list, a new account (its generated password shown once),
// and per account: reset the password, hand it over to a new holder (Art. 4.3; the old holder's
// sessions and tokens end), disable/enable, unlock, the custody history, and API tokens for
// connection accounts (issued once, revoked).

import * as admin from './api.js';
import { accountEditFields } from './useredit.js';
import { h, replaceChildren } from '../core/dom.js';
import { openDrawer } from '../core/drawer.js';
import { unitPicker } from './unitpicker.js';
import { formatValue } from '../core/format.js';
import { t } from '../core/i18n.js';
import { button, confirmDialog, definitions, describeError, labelled, message, setFieldError } from '../core/ui.js';

/** Roles an account of a unit kind may get (EnvGis.Core.Security.Roles.AllowedFor, without the one administrator). */
export function rolesFor(kind) {
  switch (kind) {
    case 'department':
    case 'city_department':
    case 'economic_zone_authority':
    case 'commune':
      return ['editor', 'approver'];
    case 'enterprise':
      return ['reporter'];
    case 'client':
      return ['client'];
    default:
      return [];
  }
}

const when = (value) => (value ? formatValue(value, 'datetime') : '—');

/** A secret shown once, selectable, with a warning. */
function secretBox(labelKey, secret) {
  return h('div', { class: 'secret', dataset: { testid: 'secret' } }, [
    h('p', { class: 'message ok', text: t(labelKey) }),
    h('code', { class: 'secret-value', text: secret }),
    h('p', { class: 'field-hint', text: t('admin.shownOnce') }),
  ]);
}

/**
 * @param {HTMLElement} container Where the list goes.
 * @param {{units: function(): Promise<Array<Object>>}} ctx Units (cached by admin.js).
 */
export function createUsersSection(container, ctx) {
  const note = h('p', { class: 'message', hidden: true });
  const list = h('div');

  async function load() {
    try {
      const users = await admin.listUsers();
      replaceChildren(list, [h('ul', { class: 'item-list' }, users.map((u) => h('li', { class: `item${u.disabled ? ' disabled' : ''}`, dataset: { user: u.userName } }, [
        h('span', { class: 'item-title', text: u.userName }),
        h('span', { class: 'item-meta', text: `${t(`role.${u.role}`)} · ${u.unitCode} · ${u.holderName ?? t('admin.noHolder')}${u.disabled ? ` · ${t('admin.disabled')}` : ''}` }),
        h('div', { class: 'item-actions' }, [button('admin.manage', () => openUser(u.userName), { kind: 'small' })]),
      ])))]);
    } catch (error) {
      message(note, describeError(error), 'error');
    }
  }

  async function openUser(userName) {
    let user;
    let handovers = [];
    let tokens = [];
    let units = [];
    try {
      [user, handovers, units] = await Promise.all([
        admin.listUsers().then((all) => all.find((u) => u.userName === userName)),
        admin.handovers(userName),
        ctx.units(),
      ]);
      if (user?.role === 'client') {
        tokens = await admin.listTokens(userName);
      }
    } catch (error) {
      message(note, describeError(error), 'error');
      return;
    }
    const drawerNote = h('p', { class: 'message', hidden: true, dataset: { testid: 'user-message' } });
    const result = h('div');
    const done = (key, secret) => {
      replaceChildren(result, secret ? [secretBox(key, secret)] : [h('p', { class: 'message ok', text: t(key) })]);
      load();
    };
    const fail = (error) => message(drawerNote, describeError(error), 'error');

    const reset = async () => {
      if (!await confirmDialog(t('admin.resetTitle'), t('admin.resetText', { user: userName }), { confirmKey: 'admin.reset' })) {
        return;
      }
      try {
        const answer = await admin.resetPassword(userName, null);
        done('admin.newPassword', answer.password);
      } catch (error) {
        fail(error);
      }
    };

    const holderName = h('input', { name: 'holderName', autocomplete: 'off' });
    const holderContact = h('input', { name: 'holderContact', autocomplete: 'off' });
    const reason = h('input', { name: 'reason', autocomplete: 'off' });
    const handoverFields = [labelled(t('admin.newHolder'), holderName, { required: true }), labelled(t('admin.holderContact'), holderContact), labelled(t('admin.reason'), reason, { required: true })];
    const handOver = async () => {
      setFieldError(handoverFields[0], holderName.value.trim() ? null : t('form.required'));
      setFieldError(handoverFields[2], reason.value.trim() ? null : t('form.required'));
      if (!holderName.value.trim() || !reason.value.trim()) {
        return;
      }
      if (!await confirmDialog(t('admin.handoverTitle'), t('admin.handoverText', { user: userName, holder: holderName.value.trim() }), { confirmKey: 'admin.handover' })) {
        return;
      }
      try {
        const answer = await admin.handOver(userName, { holderName: holderName.value.trim(), holderContact: holderContact.value.trim() || null, reason: reason.value.trim() });
        done('admin.handedOver', answer.password);
      } catch (error) {
        fail(error);
      }
    };

    const simple = (fn, key) => async () => {
      try {
        await fn();
        done(key);
        openUser(userName);
      } catch (error) {
        fail(error);
      }
    };

    const tokenName = h('input', { name: 'tokenName', autocomplete: 'off' });
    const tokenDays = h('input', { name: 'tokenDays', type: 'number', min: '1', max: '365', value: '90' });
    const issue = async () => {
      if (!tokenName.value.trim()) {
        message(drawerNote, t('admin.tokenNameNeeded'), 'error');
        return;
      }
      try {
        const answer = await admin.createToken(userName, tokenName.value.trim(), Number(tokenDays.value) || 90);
        replaceChildren(result, [secretBox('admin.tokenIssued', answer.token)]);
      } catch (error) {
        fail(error);
      }
    };

    openDrawer(t('admin.userTitle', { user: userName }), [
      definitions([
        [t('admin.role'), t(`role.${user.role}`)],
        [t('admin.unit'), user.unitCode],
        [t('admin.holder'), user.holderName ?? t('admin.noHolder')],
        [t('admin.holderContact'), user.holderContact ?? '—'],
        [t('admin.holderSince'), when(user.holderSince)],
        [t('admin.lastUsed'), when(user.lastUsedAt)],
        [t('admin.state'), user.disabled ? t('admin.disabled') : user.lockedUntil ? t('admin.locked') : t('admin.active')],
      ]),
      drawerNote,
      result,
      h('div', { class: 'actions' }, [
        button('admin.reset', reset),
        user.role === 'administrator' ? null : button(user.disabled ? 'admin.enable' : 'admin.disable',
          simple(() => admin.setDisabled(userName, !user.disabled), user.disabled ? 'admin.enabled' : 'admin.disabledDone')),
        user.lockedUntil ? button('admin.unlock', simple(() => admin.unlock(userName), 'admin.unlocked')) : null,
      ]),
      ...(user.role === 'administrator' ? [] : accountEditFields(user, units, rolesFor, () => {
        load();
        openUser(userName);
      })),
      h('h3', { text: t('admin.handoverTitle') }),
      h('p', { class: 'field-hint', text: t('admin.handoverHint') }),
      ...handoverFields,
      h('div', { class: 'actions' }, [button('admin.handover', handOver, { kind: 'primary' })]),
      h('h3', { text: t('admin.handovers') }),
      handovers.length ? h('ul', { class: 'plain' }, handovers.map((x) =>
        h('li', { text: `${when(x.performedAt)}: ${x.fromHolder ?? '—'} → ${x.toHolder} (${x.reason}; ${x.performedBy})` })))
        : h('p', { class: 'field-hint', text: t('admin.noHandovers') }),
      user.role === 'client' ? h('section', {}, [
        h('h3', { text: t('admin.tokens') }),
        tokens.length ? h('ul', { class: 'item-list' }, tokens.map((token) => h('li', { class: 'item', dataset: { token: String(token.id) } }, [
          h('span', { class: 'item-title', text: `${token.name} (${token.prefix}…)` }),
          h('span', { class: 'item-meta', text: `${t('admin.expires')}: ${when(token.expiresAt)}${token.revokedAt ? ` · ${t('admin.revoked')} ${when(token.revokedAt)}` : ''}` }),
          token.revokedAt ? null : h('div', { class: 'item-actions' }, [button('admin.revoke', simple(() => admin.revokeToken(token.id), 'admin.revokedDone'), { kind: 'small danger' })]),
        ]))) : h('p', { class: 'field-hint', text: t('admin.noTokens') }),
        labelled(t('admin.tokenName'), tokenName),
        labelled(t('admin.tokenDays'), tokenDays),
        h('div', { class: 'actions' }, [button('admin.issueToken', issue, { kind: 'primary' })]),
      ]) : null,
    ], null, 'user');
  }

  async function newUser() {
    const units = await ctx.units();
    const userName = h('input', { name: 'userName', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' });
    const role = h('select', { name: 'role' });
    const picker = unitPicker(units, { name: 'unit', onChange: () => fillRoles() });
    const unit = picker.select;
    const holder = h('input', { name: 'holderName', autocomplete: 'off' });
    const contact = h('input', { name: 'holderContact', autocomplete: 'off' });
    const canWrite = h('input', { type: 'checkbox', name: 'clientCanWrite' });
    const drawerNote = h('p', { class: 'message', hidden: true, dataset: { testid: 'user-message' } });
    const result = h('div');
    const canWriteField = h('label', { class: 'check' }, [canWrite, h('span', { text: t('admin.clientCanWrite') })]);
    function fillRoles() {
      const kind = units.find((u) => u.code === unit?.value)?.kind;
      replaceChildren(role, rolesFor(kind).map((r) => h('option', { value: r, text: t(`role.${r}`) })));
      // Only connection accounts may be granted writing: the box is shown for them only.
      canWrite.disabled = kind !== 'client';
      canWriteField.hidden = canWrite.disabled;
    }
    unit.addEventListener('change', fillRoles);
    fillRoles();
    const create = async () => {
      if (!/^[a-z0-9][a-z0-9_.@-]{1,62}$/.test(userName.value.trim())) {
        message(drawerNote, t('admin.userNameRule'), 'error');
        return;
      }
      try {
        const answer = await admin.createUser({
          userName: userName.value.trim(), unit: unit.value, role: role.value,
          holderName: holder.value.trim() || null, holderContact: contact.value.trim() || null,
          clientCanWrite: canWrite.checked || null,
        });
        replaceChildren(result, [answer.password ? secretBox('admin.created', answer.password) : h('p', { class: 'message ok', text: t('admin.createdNoPassword') })]);
        message(drawerNote, '');
        load();
      } catch (error) {
        message(drawerNote, describeError(error), 'error');
      }
    };
    openDrawer(t('admin.newUser'), [
      labelled(t('admin.userName'), userName, { required: true, hint: t('admin.userNameRule') }),
      picker.element,
      labelled(t('admin.role'), role, { required: true }),
      labelled(t('admin.holder'), holder, { hint: t('admin.holderHint') }),
      labelled(t('admin.holderContact'), contact),
      canWriteField,
      drawerNote,
      result,
      h('div', { class: 'actions' }, [button('admin.create', create, { kind: 'primary' })]),
    ], null, 'new-user');
  }

  replaceChildren(container, [
    h('div', { class: 'actions' }, [button('admin.newUser', newUser, { kind: 'primary' })]),
    note,
    list,
  ]);
  load();
  return { refresh: load };
}
