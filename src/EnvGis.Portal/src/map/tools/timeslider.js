// The time slider: a date within the records' validity periods; records not valid on that date
// (valid_from after it, valid_to before it) are hidden on every layer. Off: every record is shown.

import { h } from '../../core/dom.js';
import { formatValue } from '../../core/format.js';
import { onLanguageChange, t } from '../../core/i18n.js';
import { portal } from '../../core/store.js';

const FIRST_YEAR = 1985;

/** Whether a record with this validity period is valid on a date (all YYYY-MM-DD; pure, unit tested). */
export function validOn(date, from, to) {
  if (!date) {
    return true;
  }
  const day = (v) => (v ? String(v).slice(0, 10) : null);
  const start = day(from);
  const end = day(to);
  return (!start || start <= date) && (!end || end >= date);
}

/** The date of a slider position: day `n` counted from 1 January of FIRST_YEAR. */
export function dateOf(n) {
  return new Date(Date.UTC(FIRST_YEAR, 0, 1) + n * 86400000).toISOString().slice(0, 10);
}

/** The slider position of a date. */
export function dayOf(date) {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(FIRST_YEAR, 0, 1)) / 86400000);
}

/**
 * @param {import('ol/Map.js').default} map Map.
 * @param {Map<string, import('ol/layer/VectorTile.js').default>} layers Layers (their style functions learn the date).
 */
export function setUpTimeSlider(map, layers) {
  const today = new Date().toISOString().slice(0, 10);
  const on = h('input', { type: 'checkbox', id: 'time-on', dataset: { testid: 'time-on' } });
  const range = h('input', { type: 'range', id: 'time-range', min: '0', max: String(dayOf(today) + 5 * 365), step: '1', value: String(dayOf(today)), dataset: { testid: 'time-range' } });
  const label = h('label', { for: 'time-on', class: 'time-label' });
  const shown = h('output', { for: 'time-range', class: 'time-date', dataset: { testid: 'time-date' } });
  const box = h('div', { class: 'time-slider', dataset: { testid: 'time-slider' } }, [on, label, range, shown]);
  map.getViewport().querySelector('.ol-overlaycontainer-stopevent').append(box);

  for (const layer of layers.values()) {
    const style = layer.getStyleFunction();
    layer.setStyle((feature, resolution) => (validOn(portal.get().date, feature.get('valid_from'), feature.get('valid_to')) ? style(feature, resolution) : []));
  }
  on.addEventListener('change', () => portal.set({ date: on.checked ? dateOf(Number(range.value)) : null }));
  range.addEventListener('input', () => {
    if (on.checked) {
      portal.set({ date: dateOf(Number(range.value)) });
    }
  });
  const render = (state, previous) => {
    on.checked = Boolean(state.date);
    range.disabled = !state.date;
    if (state.date) {
      range.value = String(dayOf(state.date));
    }
    label.textContent = t('tools.time');
    range.setAttribute('aria-label', t('tools.timeDate'));
    shown.textContent = state.date ? formatValue(state.date, 'date') : t('tools.timeAll');
    if (state.date !== previous?.date) {
      layers.forEach((layer) => layer.changed());
      document.body.dataset.date = state.date ?? '';
    }
  };
  portal.subscribe(render);
  onLanguageChange(() => render(portal.get(), portal.get()));
}
