// Typing coordinates: the system (VN-2000 TM-3 EPSG:9210/9209 or WGS 84), the column order made
// explicit (X = northing, Y = easting, as Vietnamese cadastral documents write them; a switch when
// the columns are the other way round), pasted rows, and a row-by-row check before the geometry is used.

import { geometryFromPositions, readCoordinates, splitRows } from './coordinates.js';
import { SYSTEMS } from '../core/crs.js';
import { h, replaceChildren } from '../core/dom.js';
import { localized, t } from '../core/i18n.js';
import { button, labelled, message } from '../core/ui.js';

/**
 * Opens the dialog.
 * @param {string} kind Layer geometry type (Point, MultiLineString, MultiPolygon).
 * @return {Promise<?Object>} A GeoJSON geometry (EPSG:4326), or null when cancelled.
 */
export function openCoordinateDialog(kind) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'modal coordinates', 'aria-labelledby': 'coord-title' });
    const system = h('select', { name: 'system' }, SYSTEMS.map((s) => h('option', { value: s.code, text: localized(s.label) })));
    const swapped = h('input', { type: 'checkbox', name: 'swapped' });
    const swapLabel = h('label', { class: 'check' }, [swapped, h('span')]);
    const columns = h('p', { class: 'coord-columns' });
    const rows = h('textarea', { name: 'rows', rows: '8', spellcheck: 'false', class: 'mono' });
    const note = h('p', { class: 'message', hidden: true });
    const preview = h('div', { class: 'coord-preview' });

    const describe = () => {
      const projected = SYSTEMS.find((s) => s.code === system.value).projected;
      const [first, second] = projected
        ? (swapped.checked ? ['coord.colY', 'coord.colX'] : ['coord.colX', 'coord.colY'])
        : (swapped.checked ? ['coord.colLon', 'coord.colLat'] : ['coord.colLat', 'coord.colLon']);
      replaceChildren(columns, [
        h('strong', { text: `${t('coord.firstColumn')}: ` }), t(first), h('br'),
        h('strong', { text: `${t('coord.secondColumn')}: ` }), t(second),
      ]);
      swapLabel.lastChild.textContent = t(projected ? 'coord.swapXY' : 'coord.swapLatLon');
      rows.placeholder = projected ? '2306639,68  598667,63\n2306639,68  598867,63\n2306839,68  598867,63' : '20.85  106.70\n20°51′30″N  106°42′E';
    };

    const read = () => {
      const result = readCoordinates(splitRows(rows.value), { system: system.value, swapped: swapped.checked });
      replaceChildren(preview, result.errors.length
        ? [h('ul', { class: 'coord-errors' }, result.errors.slice(0, 20).map((e) =>
          h('li', { text: `${t('coord.row', { row: String(e.row) })}: ${t(e.key, e.params)}` })))]
        : []);
      return result;
    };

    const finish = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const use = () => {
      const result = read();
      if (result.swapHint) {
        message(note, t('coord.swapHint'), 'error');
        return;
      }
      if (result.errors.length) {
        message(note, t('coord.fix'), 'error');
        return;
      }
      const { geometry, error } = geometryFromPositions(result.positions, kind);
      if (error) {
        message(note, t(error), 'error');
        return;
      }
      finish(geometry);
    };

    system.addEventListener('change', () => {
      describe();
      read();
    });
    swapped.addEventListener('change', () => {
      describe();
      read();
    });
    rows.addEventListener('input', () => message(note, ''));

    dialog.append(
      h('h2', { id: 'coord-title', text: t('coord.title') }),
      labelled(t('coord.system'), system),
      h('p', { class: 'field-hint', text: t('coord.convention') }),
      columns,
      swapLabel,
      labelled(t(kind === 'Point' ? 'coord.rowsPoint' : 'coord.rows'), rows, { hint: t('coord.rowsHint') }),
      preview,
      note,
      h('div', { class: 'actions' }, [button('cancel', () => finish(null)), button('coord.use', use, { kind: 'primary' })]),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    describe();
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}
