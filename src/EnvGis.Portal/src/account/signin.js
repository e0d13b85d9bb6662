// Sign-in and sign-out in the header. When a session ends in the middle of work (expired, ended by a
// handover or a password change), the same dialog asks to sign in again and the interrupted request
// is sent again; drafts and the open form stay as they were.

import { h, replaceChildren } from '../core/dom.js';
import { has, onLanguageChange, t } from '../core/i18n.js';
import { account, onAccountChange, onUnauthorized, signIn, signOut } from './session.js';
import { button, describeError, labelled, message } from '../core/ui.js';
import { changeOwnPassword } from './password.js';

const ROLE_KEYS = ['administrator', 'editor', 'approver', 'reporter', 'client'];

/** A refused sign-in in the chosen language: the server's code when it sends one, else the general reason. */
export function signInFailure(error) {
  const key = error?.code && `signIn.code.${error.code}`;
  return key && has(key) ? t(key) : t('signIn.failedWhy');
}

/**
 * Opens the sign-in dialog.
 * @param {{expired?: boolean}} [options] `expired`: the session ended during work.
 * @return {Promise<boolean>} True once signed in, false when the user gave up.
 */
export function openSignIn({ expired = false } = {}) {
  return new Promise((resolve) => {
    const previous = account();
    const userInput = h('input', { name: 'userName', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true });
    const passwordInput = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    userInput.value = previous?.userName ?? '';
    const note = h('p', { class: 'message', hidden: true });
    const dialog = h('dialog', { class: 'modal signin', 'aria-labelledby': 'signin-title' });
    const finish = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const form = h('form', { method: 'dialog', novalidate: true });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!userInput.value.trim() || !passwordInput.value) {
        message(note, t('signIn.missing'), 'error');
        return;
      }
      submit.disabled = true;
      try {
        await signIn(userInput.value.trim().toLowerCase(), passwordInput.value);
        finish(true);
      } catch (error) {
        message(note, error?.status === 401 || error?.status === 429 ? signInFailure(error) : describeError(error), 'error');
        passwordInput.select();
      } finally {
        submit.disabled = false;
      }
    });
    const submit = h('button', { type: 'submit', class: 'btn primary', text: t('signIn'), dataset: { action: 'signIn' } });
    replaceChildren(form, [
      h('h2', { id: 'signin-title', text: t(expired ? 'signIn.expiredTitle' : 'signIn.title') }),
      expired ? h('p', { class: 'message info', text: t('signIn.expired') }) : null,
      labelled(t('signIn.userName'), userInput, { required: true }),
      labelled(t('signIn.password'), passwordInput, { required: true }),
      note,
      h('div', { class: 'actions' }, [button('cancel', () => finish(false)), submit]),
    ]);
    dialog.append(form);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    (userInput.value ? passwordInput : userInput).focus();
  });
}

/** The header's account area: the sign-in button, or the user, role, unit and sign-out. */
export function setUpAccountArea(container) {
  const render = () => {
    const acc = account();
    if (!acc) {
      replaceChildren(container, [button('signIn', () => openSignIn(), { kind: 'header', dataset: { testid: 'sign-in' } })]);
      return;
    }
    const role = ROLE_KEYS.includes(acc.role) ? t(`role.${acc.role}`) : acc.role;
    // The account's name opens a small menu (role, unit, password): one short line on phones too.
    const menu = h('details', { class: 'account-menu' }, [
      h('summary', { class: 'who', dataset: { user: acc.userName } }, [
        h('strong', { text: acc.userName }),
        h('span', { class: 'who-role', text: ` · ${role} · ${acc.unit?.code ?? ''}` }),
      ]),
      h('div', { class: 'account-menu-body' }, [
        h('p', { text: `${role} · ${acc.unit?.code ?? ''}` }),
        button('account.password', () => {
          menu.open = false;
          changeOwnPassword();
        }, { dataset: { testid: 'own-password' } }),
      ]),
    ]);
    replaceChildren(container, [
      menu,
      button('signOut', async () => {
        await signOut();
      }, { kind: 'header' }),
    ]);
  };
  render();
  onAccountChange(render);
  onLanguageChange(render);
  let pending = null;
  onUnauthorized(() => {
    pending ??= openSignIn({ expired: true }).finally(() => {
      pending = null;
    });
    return pending;
  });
}
