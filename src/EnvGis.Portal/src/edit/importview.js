// Importing geometries from a file: the file, the system to assume when the file does not say, and
// the outcome in words (how many drafts, how many features did not fit the layer, or why nothing
// could be read).

import { h } from '../core/dom.js';
import { localized, t } from '../core/i18n.js';
import { ImportError, LIMITS, importFile } from './importfile.js';
import { SYSTEMS } from '../core/crs.js';
import { button, labelled, message } from '../core/ui.js';

/**
 * Opens the import dialog for a layer.
 * @param {Object} layer Catalogue layer.
 * @return {Promise<?{features: Array<Object>, skipped: number, empty: number, fileName: string}>}
 */
export function openImportDialog(layer) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'modal import', 'aria-labelledby': 'import-title' });
    const file = h('input', { type: 'file', name: 'file', accept: '.geojson,.json,.kml,.kmz,.gpx,.zip' });
    const assume = h('select', { name: 'assumeCrs' }, [
      h('option', { value: '', text: t('import.crsFromFile') }),
      ...SYSTEMS.map((s) => h('option', { value: s.code, text: localized(s.label) })),
    ]);
    const note = h('p', { class: 'message', hidden: true });
    const finish = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const go = async () => {
      const chosen = file.files?.[0];
      if (!chosen) {
        message(note, t('import.chooseFile'), 'error');
        return;
      }
      if (chosen.size > LIMITS.fileBytes) {
        message(note, t('import.fileTooLarge', { size: (chosen.size / 1048576).toFixed(1), max: String(LIMITS.fileBytes / 1048576) }), 'error');
        return;
      }
      message(note, t('import.reading'), 'info');
      try {
        const bytes = new Uint8Array(await chosen.arrayBuffer());
        const result = await importFile({ name: chosen.name, bytes }, { kind: layer.geometryType, assumeCrs: assume.value || null });
        finish({ ...result, fileName: chosen.name });
      } catch (error) {
        message(note, error instanceof ImportError ? t(error.key, error.params) : t('import.failed'), 'error');
      }
    };
    dialog.append(
      h('h2', { id: 'import-title', text: t('import.title') }),
      h('p', { class: 'field-hint', text: t('import.formats', { max: String(LIMITS.fileBytes / 1048576), features: String(LIMITS.features) }) }),
      labelled(t('import.file'), file),
      labelled(t('import.assumeCrs'), assume, { hint: t('import.assumeHint') }),
      note,
      h('div', { class: 'actions' }, [button('cancel', () => finish(null)), button('import.go', go, { kind: 'primary' })]),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}
