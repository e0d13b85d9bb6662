// Changing one's own password (POST /api/account/password): the current one, the new one twice.
// The server ends every session of the account afterwards, so the user signs in again.

import { h } from '../core/dom.js';
import { request } from '../core/http.js';
import { t } from '../core/i18n.js';
import { button, describeError, labelled, message } from '../core/ui.js';
import { signOut } from './session.js';

const MIN_LENGTH = 10;

/** Opens the dialog; resolves true when the password was changed. */
export function changeOwnPassword() {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'modal password', 'aria-labelledby': 'password-title' });
    const current = h('input', { type: 'password', name: 'currentPassword', autocomplete: 'current-password' });
    const next = h('input', { type: 'password', name: 'newPassword', autocomplete: 'new-password', minlength: String(MIN_LENGTH) });
    const again = h('input', { type: 'password', name: 'newPasswordAgain', autocomplete: 'new-password' });
    const note = h('p', { class: 'message', hidden: true, dataset: { testid: 'password-message' } });
    const finish = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const save = async () => {
      if (next.value.length < MIN_LENGTH) {
        message(note, t('password.tooShort', { min: String(MIN_LENGTH) }), 'error');
        return;
      }
      if (next.value !== again.value) {
        message(note, t('password.mismatch'), 'error');
        return;
      }
      try {
        await request('POST', 'api/account/password', { body: { currentPassword: current.value, newPassword: next.value }, retry: false });
        finish(true);
        await signOut().catch(() => {});
        document.body.dataset.passwordChanged = 'true';
      } catch (error) {
        message(note, error?.status === 400 ? t('password.refused') : describeError(error), 'error');
      }
    };
    dialog.append(
      h('h2', { id: 'password-title', text: t('password.title') }),
      h('p', { class: 'field-hint', text: t('password.hint', { min: String(MIN_LENGTH) }) }),
      labelled(t('password.current'), current, { required: true }),
      labelled(t('password.new'), next, { required: true }),
      labelled(t('password.again'), again, { required: true }),
      note,
      h('div', { class: 'actions' }, [button('cancel', () => finish(false)), button('password.save', save, { kind: 'primary' })]),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    current.focus();
  });
}
