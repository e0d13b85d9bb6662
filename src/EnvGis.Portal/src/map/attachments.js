// The documents attached to a record (EIA reports, permit decisions, inspection minutes, photos):
// a list of download links in the popup and the record editor, and for editors an upload field and
// delete buttons. File names come from users: they go into the DOM with textContent only, and the
// links point at the API, which answers with Content-Disposition: attachment.

import { h, replaceChildren } from '../core/dom.js';
import { locale, t } from '../core/i18n.js';
import { deleteAttachment, listAttachments, uploadAttachment } from '../core/records.js';

/** What the server accepts (checked again there, by extension and content). */
export const ACCEPTED = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods';

/** The largest document, in bytes (the server's limit). */
export const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A file size for people.
 * @param {number} bytes Size.
 * @return {string} e.g. "12 kB", "3,4 MB".
 */
export function formatSize(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) {
    return `${n} B`;
  }
  const [value, unit] = n < 1024 * 1024 ? [n / 1024, 'kB'] : [n / (1024 * 1024), 'MB'];
  return `${value.toLocaleString(locale(), { maximumFractionDigits: value < 10 ? 1 : 0 })} ${unit}`;
}

/**
 * A record's documents.
 * @param {string} layer Layer name.
 * @param {number} id Record id.
 * @param {Object} [options] Options.
 * @param {boolean} [options.editable=false] Whether to offer upload and delete (the server decides in the end).
 * @param {function(string, Object=): Promise<boolean>} [options.confirm] Asks before deleting.
 * @param {function(any): string} [options.describe] Turns a refusal into words.
 * @return {HTMLElement} The section (filled asynchronously; hidden when empty and not editable).
 */
export function attachmentSection(layer, id, { editable = false, confirm = null, describe = (e) => e?.message ?? String(e) } = {}) {
  const list = h('ul', { class: 'attachment-list', dataset: { testid: 'attachments' } });
  const note = h('p', { class: 'message', hidden: true, role: 'status' });
  const section = h('section', { class: 'attachments', hidden: !editable, dataset: { layer, record: String(id) } }, [
    h('h4', { text: t('attach.title') }),
    list,
    note,
  ]);

  const say = (text, kind = 'info') => {
    note.textContent = text ?? '';
    note.hidden = !text;
    note.className = `message ${kind}`;
    note.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  };

  async function load() {
    let items;
    try {
      items = await listAttachments(layer, id);
    } catch (error) {
      if (editable) {
        say(describe(error), 'error');
      }
      return;
    }
    section.hidden = !editable && items.length === 0;
    replaceChildren(list, items.length === 0
      ? [h('li', { class: 'attachment-empty', text: t('attach.none') })]
      : items.map(item));
    section.dataset.count = String(items.length);
  }

  function item(attachment) {
    const link = h('a', {
      href: new URL(attachment.href.replace(/^\//, ''), document.baseURI).href,
      download: attachment.fileName,
      rel: 'noopener',
      text: attachment.fileName,
      title: `SHA-256: ${attachment.sha256}`,
      dataset: { testid: 'attachment-link' },
    });
    const remove = editable
      ? h('button', {
        type: 'button',
        class: 'btn danger small',
        text: t('attach.delete'),
        'aria-label': `${t('attach.delete')}: ${attachment.fileName}`,
        onclick: async () => {
          if (confirm && !(await confirm(t('attach.deleteTitle'), t('attach.deleteText', { name: attachment.fileName })))) {
            return;
          }
          try {
            await deleteAttachment(layer, id, attachment.id);
            say(t('attach.deleted'));
            await load();
          } catch (error) {
            say(describe(error), 'error');
          }
        },
      })
      : null;
    return h('li', { class: 'attachment' }, [link, h('span', { class: 'attachment-size', text: ` (${formatSize(attachment.size)})` }), remove]);
  }

  if (editable) {
    const input = h('input', { type: 'file', accept: ACCEPTED, id: `attach-${layer}-${id}`, dataset: { testid: 'attachment-file' } });
    const upload = h('button', {
      type: 'button',
      class: 'btn',
      text: t('attach.upload'),
      dataset: { testid: 'attachment-upload' },
      onclick: async () => {
        const file = input.files?.[0];
        if (!file) {
          say(t('attach.choose'), 'error');
          return;
        }
        if (file.size > MAX_BYTES) {
          say(t('attach.tooLarge', { max: formatSize(MAX_BYTES) }), 'error');
          return;
        }
        upload.disabled = true;
        try {
          const stored = await uploadAttachment(layer, id, file);
          input.value = '';
          say(t('attach.uploaded', { name: stored.fileName, sha: stored.sha256 }));
          await load();
        } catch (error) {
          say(describe(error), 'error');
        } finally {
          upload.disabled = false;
        }
      },
    });
    section.append(h('div', { class: 'attachment-upload' }, [
      h('label', { for: input.id, text: t('attach.file') }),
      input,
      upload,
      h('p', { class: 'field-hint', text: t('attach.hint', { max: formatSize(MAX_BYTES) }) }),
    ]));
  }

  load();
  return section;
}
