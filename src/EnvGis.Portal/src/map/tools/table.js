// A layer's attribute table (in a drawer): the records the visitor may read (from WFS GeoJSON),
// sortable by any column, filtered by a column's value (e.g. severity = high), and a row click
// selects the record on the map (popup and highlight).

import { h, replaceChildren } from '../../core/dom.js';
import { openDrawer } from '../../core/drawer.js';
import { formatValue } from '../../core/format.js';
import { localized, t } from '../../core/i18n.js';
import { wfsGetFeature } from '../downloads.js';

const MAX_ROWS = 1000;

/** Rows sorted and filtered (pure, unit tested): filter = {column, value} compares the raw value or its text. */
export function tableRows(features, { sort = null, descending = false, filter = null } = {}) {
  let rows = features;
  if (filter?.column && filter.value !== '') {
    const wanted = String(filter.value).toLocaleLowerCase();
    rows = rows.filter((f) => {
      const value = f.properties?.[filter.column];
      return value !== null && value !== undefined && (String(value).toLocaleLowerCase() === wanted
        || (filter.contains && String(value).toLocaleLowerCase().includes(wanted)));
    });
  }
  if (sort) {
    const key = (f) => f.properties?.[sort];
    rows = [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
      return descending ? -c : c;
    });
  }
  return rows;
}

/**
 * @param {import('ol/Map.js').default} map Map (its 'popup' opens a record).
 * @param {Object} entry Catalogue layer.
 * @param {import('ol/layer/Base.js').default} layer The map layer (switched on when a row is chosen).
 */
export async function openTable(map, entry, layer) {
  const columns = (entry.attributes ?? []).map((a) => ({ name: a.name, label: localized(a.label) || a.name, attribute: a }));
  const body = h('div', { class: 'table-body' }, [h('p', { class: 'field-hint', text: t('loading') })]);
  const column = h('select', { name: 'filterColumn' }, columns.map((c) => h('option', { value: c.name, text: c.label })));
  const value = h('input', { name: 'filterValue', type: 'search', autocomplete: 'off' });
  const values = h('datalist', { id: `values-${entry.name}` });
  value.setAttribute('list', values.id);
  const count = h('p', { class: 'field-hint', role: 'status', dataset: { testid: 'table-count' } });
  const state = { sort: null, descending: false, filter: null };
  openDrawer(t('table.title', { layer: localized(entry.title) }), [
    h('div', { class: 'table-filter' }, [
      h('label', { text: t('table.filter') }, [' ', column]), h('label', { class: 'visually-hidden', text: t('table.value') }), value, values,
    ]),
    count,
    body,
  ], null, 'table');
  document.getElementById('drawer').classList.add('wide');

  let features = [];
  try {
    const response = await fetch(new URL(wfsGetFeature(entry.name, 'application/json', { count: String(MAX_ROWS), srsName: 'EPSG:4326' }), document.baseURI), { credentials: 'same-origin' });
    features = (await response.json()).features ?? [];
  } catch {
    replaceChildren(body, [h('p', { class: 'message error', text: t('table.failed') })]);
    return;
  }

  const cell = (c, f) => {
    const v = f.properties?.[c.name];
    const label = c.attribute.valueLabels?.[v];
    return label ? localized(label) : formatValue(v, c.attribute.type);
  };
  const fillValues = () => {
    const c = columns.find((x) => x.name === column.value);
    const distinct = [...new Set(features.map((f) => f.properties?.[column.value]).filter((v) => v !== null && v !== undefined))].slice(0, 50);
    replaceChildren(values, distinct.map((v) => h('option', { value: String(v), label: c?.attribute.valueLabels?.[v] ? localized(c.attribute.valueLabels[v]) : undefined })));
  };
  const render = () => {
    const rows = tableRows(features, { ...state, filter: value.value.trim() ? { column: column.value, value: value.value.trim(), contains: true } : null });
    count.textContent = t('table.count', { shown: String(rows.length), total: String(features.length) });
    document.body.dataset.tableRows = String(rows.length);
    const head = h('tr', {}, columns.map((c) => {
      const sorted = state.sort === c.name;
      const button = h('button', { type: 'button', class: 'sort', dataset: { column: c.name }, text: `${c.label}${sorted ? (state.descending ? ' ▼' : ' ▲') : ''}` });
      button.addEventListener('click', () => {
        state.descending = state.sort === c.name ? !state.descending : false;
        state.sort = c.name;
        render();
      });
      return h('th', { scope: 'col', 'aria-sort': sorted ? (state.descending ? 'descending' : 'ascending') : 'none' }, [button]);
    }));
    const lines = rows.map((f) => {
      const [layerName, id] = String(f.id).split('.');
      const tr = h('tr', { tabindex: '0', dataset: { feature: f.id } }, columns.map((c) => h('td', { text: cell(c, f) })));
      const choose = () => {
        layer?.setVisible(true);
        for (const other of body.querySelectorAll('tr.selected')) other.classList.remove('selected');
        tr.classList.add('selected');
        map.get('popup')?.openRecord(layerName, Number(id), { fit: true, feature: f });
      };
      tr.addEventListener('click', choose);
      tr.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') choose();
      });
      return tr;
    });
    replaceChildren(body, [h('table', { class: 'attribute-table' }, [h('thead', {}, [head]), h('tbody', {}, lines)])]);
  };
  column.addEventListener('change', () => {
    fillValues();
    render();
  });
  value.addEventListener('input', render);
  fillValues();
  render();
}
