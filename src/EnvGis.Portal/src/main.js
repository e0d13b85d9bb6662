// EnvGis public map portal: one bootstrap call (config, catalogue, styles, tile URLs, account) → an
// OpenLayers map with the layer panel, legends, popups, search and the map tools. Signed-in work
// (editing, review, administration) is loaded only when someone signs in.

import 'ol/ol.css';
import './portal.css';
// The monitoring card's few styles ride in the main stylesheet: a lazily loaded chunk's CSS is not applied.
import './monitoring/monitoring.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Attribution from 'ol/control/Attribution.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import Zoom from 'ol/control/Zoom.js';
import DoubleClickZoom from 'ol/interaction/DoubleClickZoom.js';
import DragPan from 'ol/interaction/DragPan.js';
import KeyboardPan from 'ol/interaction/KeyboardPan.js';
import KeyboardZoom from 'ol/interaction/KeyboardZoom.js';
import MouseWheelZoom from 'ol/interaction/MouseWheelZoom.js';
import PinchZoom from 'ol/interaction/PinchZoom.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { adopt, onAccountChange } from './account/session.js';
import { setUpAccountArea } from './account/signin.js';
import { language, loadLanguage, onLanguageChange, setLanguage, t, translateStatic } from './core/i18n.js';
import { portal } from './core/store.js';
import { setUpAbout } from './map/about.js';
import { getBootstrap } from './map/api.js';
import { createBaseMaps } from './map/basemaps.js';
import { featuresAtPixel } from './map/hits.js';
import { BASE_LAYER, DEFAULT_VISIBLE, TileLoadCounter, createNoDataLayer, createVectorTileLayer, drawOrder } from './map/layers.js';
import { registerCardExtension } from './map/cardextensions.js';
import { buildPanel } from './map/panel.js';
import { readPermalink, setUpPermalink } from './map/permalink.js';
import { createPlaceNames } from './map/placenames.js';
import { createPopup } from './map/popup.js';
import { setUpSearch } from './map/search.js';
import { compileStyle } from './map/styles.js';
import { setUpToolbar } from './map/toolbar.js';

// A station's card carries its measurements, chart and advice (issue 11), loaded when a station opens.
registerCardExtension('monitoring_stations', () => import('./monitoring/stationpopup.js'));

/** Where the view may be panned: the city (lon 106.12–107.75, lat 20.10–21.24) with a wide margin. */
const PAN_LIMIT = transformExtent([104.5, 19.0, 109.5, 22.5], 'EPSG:4326', 'EPSG:3857');
const NARROW = window.matchMedia('(max-width: 899px)');

function applyLanguage() {
  const lang = language();
  document.documentElement.lang = lang;
  document.title = t('appTitle');
  translateStatic(document);
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  for (const [selector, key] of [['.ol-zoom-in', 'zoomIn'], ['.ol-zoom-out', 'zoomOut']]) {
    const button = document.querySelector(selector);
    if (button) {
      button.title = t(key);
      button.setAttribute('aria-label', t(key));
    }
  }
}

/** Render function of the panel toggle: the panel's visibility follows state.panelOpen. */
function setUpPanelToggle(getMap) {
  const toggle = document.getElementById('panel-toggle');
  portal.subscribe((state, previous) => {
    document.body.classList.toggle('panel-collapsed', !state.panelOpen);
    toggle.setAttribute('aria-expanded', String(state.panelOpen));
    toggle.title = t(state.panelOpen ? 'hideLayers' : 'showLayers');
    if (state.panelOpen !== previous.panelOpen) {
      getMap()?.updateSize();
    }
  });
  portal.set({ panelOpen: !NARROW.matches });
  toggle.addEventListener('click', () => portal.set({ panelOpen: !portal.get().panelOpen }));
  NARROW.addEventListener('change', (event) => portal.set({ panelOpen: !event.matches }));
  onLanguageChange(() => {
    toggle.title = t(portal.get().panelOpen ? 'hideLayers' : 'showLayers');
  });
}

function setUpLanguageSwitch() {
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  }
  onLanguageChange(applyLanguage);
}

function showStatus(key, isError) {
  const status = document.getElementById('status');
  status.textContent = t(key);
  status.hidden = false;
  status.classList.toggle('error', Boolean(isError));
  status.setAttribute('role', isError ? 'alert' : 'status');
  if (isError) {
    status.dataset.i18n = key;
  }
}

/** One VectorTile layer per catalogue layer that has a style, in draw order. */
function buildLayers(boot, entries) {
  const zIndex = drawOrder(entries);
  const counter = new TileLoadCounter();
  const layers = new Map();
  const styles = new Map();
  for (const entry of entries) {
    const doc = boot.styles?.[entry.name];
    const tiles = boot.tiles?.[entry.name];
    if (!doc || !tiles) {
      console.error(`EnvGis: layer "${entry.name}" has no style or tiles`);
      continue;
    }
    const style = compileStyle(doc, entry.geometryType);
    styles.set(entry.name, style);
    layers.set(entry.name, createVectorTileLayer(entry, style, tiles, {
      attribution: boot.config.attribution,
      zIndex: zIndex.get(entry.name),
      visible: entry.name === BASE_LAYER || DEFAULT_VISIBLE.has(entry.name),
      counter,
    }));
  }
  return { layers, styles };
}

function createMap(config, layers) {
  const mapElement = document.getElementById('map');
  const home = transformExtent(config.homeExtent ?? [106.12, 20.64, 107.14, 21.25], 'EPSG:4326', 'EPSG:3857');
  const map = new OlMap({
    target: mapElement,
    // The map element is focusable (keyboard pan/zoom), but the wheel and drags must work without
    // clicking it first (OpenLayers' default waits for focus when the target has a tabindex). North
    // stays up: no rotation, no shift-drag box.
    interactions: [new DragPan(), new PinchZoom(), new MouseWheelZoom(), new DoubleClickZoom(), new KeyboardPan(), new KeyboardZoom()],
    controls: [
      new Zoom({ zoomInTipLabel: t('zoomIn'), zoomOutTipLabel: t('zoomOut') }),
      new Attribution({ collapsible: false }),
      new ScaleLine({ units: 'metric' }),
    ],
    layers,
    view: new View({ minZoom: 6, maxZoom: 19, extent: PAN_LIMIT, constrainOnlyCenter: true }),
  });
  map.set('homeExtent', home);
  if (!readPermalink(map)) {
    map.getView().fit(home, { size: map.getSize(), padding: [8, 8, 8, 8] });
  }
  let renders = 0;
  map.on('rendercomplete', () => {
    document.body.dataset.renderCount = String(++renders);
  });
  return map;
}

/** Hooks for tests and the browser console (see README.md). */
function expose(map, layers) {
  window.envgisMap = map;
  window.envgis = {
    ...(window.envgis ?? {}),
    map,
    layers,
    fromLonLat,
    toLonLat,
    featuresAtPixel: (pixel, tolerance = 0) =>
      featuresAtPixel(map, pixel, tolerance).map(({ layer, feature }) => ({
        layer: layer.get('envgisLayer'),
        id: feature.getId(),
        properties: { ...feature.getProperties() },
      })),
  };
}

/** Signed-in work is a separate bundle, fetched at the first sign-in. */
function setUpWorkspaceLoader(base) {
  let loading = null;
  const load = () => {
    loading ??= import('./edit/workspace.js').then(({ setUpWorkspace }) => {
      const workspace = setUpWorkspace(base);
      base.workspace = workspace;
      window.envgis.editLayers = workspace.editLayers;
      window.envgis.workspace = workspace;
      return workspace;
    });
    return loading;
  };
  const follow = (acc) => {
    if (acc) {
      document.body.dataset.workspace = 'building';
      load().then((workspace) => workspace.build(acc)).catch((error) => {
        console.error('EnvGis: the workspace could not be loaded', error);
        document.body.dataset.workspace = 'ready';
      });
    } else if (loading) {
      load().then((workspace) => workspace.build(null));
    }
    // What a caller may see changed: every layer's tiles again (no reload).
    base.layers.forEach((layer) => layer.getSource()?.refresh());
  };
  onAccountChange(follow);
}

async function start() {
  let map = null;
  // The bootstrap is under way (index.html preloads it) while the language's strings load.
  const bootstrap = getBootstrap();
  await loadLanguage();
  setUpLanguageSwitch();
  setUpPanelToggle(() => map);
  applyLanguage();

  const boot = await bootstrap;
  const categories = boot.categories ?? [];
  const entries = categories.flatMap((category) => category.layers ?? []);
  const { layers, styles } = buildLayers(boot, entries);
  const land = layers.get(BASE_LAYER);
  const thematic = [...layers.values()];
  map = createMap(boot.config, [land ? createNoDataLayer(land) : null, ...thematic].filter(Boolean));
  expose(map, layers);
  await createBaseMaps(map, boot.config, land);
  createPlaceNames(map, layers.get('communes'));

  const catalogueByName = new Map(entries.map((entry) => [entry.name, entry]));
  const base = { map, catalogue: catalogueByName, categories, layers, styles, config: boot.config };
  const popup = createPopup(map, catalogueByName, { actions: (entry, feature) => base.workspace?.popupActions(entry, feature) ?? [] });
  base.popup = popup;
  buildPanel(document.getElementById('layer-list'), { categories, layers, styles, map, catalogue: catalogueByName });
  setUpSearch(document.getElementById('search-area'), { map, catalogue: catalogueByName, popup });
  setUpToolbar(map, base);
  setUpPermalink(map, layers, popup);
  setUpAbout(boot.config);
  setUpAccountArea(document.getElementById('account-area'));
  applyLanguage();

  setUpWorkspaceLoader(base);
  // The account came with the bootstrap: a session cookie may have survived a reload.
  adopt(boot.account, boot.antiforgeryToken);
  document.getElementById('status').hidden = true;
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  console.error('EnvGis: the map could not be started', error);
  document.body.dataset.ready = 'error';
  showStatus('loadError', true);
});
