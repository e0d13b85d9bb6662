// The map's tool bar: home extent, measure distance and area, my location, export (PNG, PDF), copy
// the permalink, the base map switcher; the cursor coordinates (WGS 84 and VN-2000) and the time
// slider under the map. Tools whose code is heavy are fetched when first used.

import { h, replaceChildren } from '../core/dom.js';
import { onLanguageChange, t } from '../core/i18n.js';
import { portal } from '../core/store.js';
import { setUpCursorCoordinates } from './tools/cursor.js';
import { locate } from './tools/geolocate.js';
import { setUpTimeSlider } from './tools/timeslider.js';

/**
 * @param {import('ol/Map.js').default} map Map.
 * @param {Object} base map, layers, catalogue, config, popup.
 */
export function setUpToolbar(map, base) {
  const bar = h('div', { class: 'map-tools ol-unselectable ol-control', role: 'toolbar', dataset: { testid: 'map-tools' } });
  const note = h('p', { class: 'tool-note', role: 'status', hidden: true, dataset: { testid: 'tool-note' } });
  const buttons = [];
  const tool = (name, icon, onclick) => {
    const button = h('button', { type: 'button', class: 'map-tool', dataset: { tool: name }, onclick }, [h('span', { 'aria-hidden': 'true', text: icon })]);
    buttons.push([button, name]);
    return button;
  };
  const say = (text) => {
    note.textContent = text ?? '';
    note.hidden = !text;
  };

  let measure = null;
  const toggleMeasure = async (kind) => {
    const name = `measure-${kind}`;
    measure ??= (await import('./tools/index.js')).createMeasure(map, say);
    portal.set({ tool: portal.get().tool === name ? null : name });
  };
  portal.subscribe((state) => {
    measure?.setKind(state.tool?.startsWith('measure-') ? state.tool.slice(8) : null);
    for (const [button, name] of buttons) {
      if (name.startsWith('measure-')) {
        button.setAttribute('aria-pressed', String(state.tool === name));
      }
    }
    if (!state.tool) {
      say('');
    }
  });

  const baseSelect = h('select', { class: 'base-map-select', name: 'baseMap', dataset: { testid: 'base-map' } });
  baseSelect.addEventListener('change', () => portal.set({ baseMap: baseSelect.value }));
  const renderBase = () => {
    replaceChildren(baseSelect, (map.get('baseMaps') ?? ['land']).map((name) =>
      h('option', { value: name, text: t(`baseMap.${name}`), selected: portal.get().baseMap === name })));
    baseSelect.setAttribute('aria-label', t('baseMap'));
    baseSelect.title = t('baseMap');
  };
  portal.subscribe(renderBase);

  replaceChildren(bar, [
    tool('home', '⌂', () => map.getView().fit(map.get('homeExtent'), { duration: 250, padding: [8, 8, 8, 8] })),
    tool('measure-line', '↔', () => toggleMeasure('line')),
    tool('measure-area', '⬠', () => toggleMeasure('area')),
    tool('locate', '◎', () => locate(map, say)),
    tool('export', '⤓', async () => (await import('./tools/index.js')).openExportDialog(map, base)),
    tool('link', '#', async () => {
      try {
        await navigator.clipboard.writeText(location.href);
        say(t('tools.linkCopied'));
      } catch {
        say(`${t('tools.linkHere')} ${location.href}`);
      }
      document.body.dataset.linkCopied = location.href;
    }),
    baseSelect,
  ]);
  const labels = () => {
    for (const [button, name] of buttons) {
      button.title = t(`tools.${name}`);
      button.setAttribute('aria-label', t(`tools.${name}`));
    }
    renderBase();
  };
  labels();
  onLanguageChange(labels);
  map.getViewport().querySelector('.ol-overlaycontainer-stopevent').append(bar, note);
  setUpCursorCoordinates(map);
  setUpTimeSlider(map, base.layers);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && portal.get().tool) {
      portal.set({ tool: null });
    }
  });
}
