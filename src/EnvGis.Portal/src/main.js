// EnvGis public map portal: wires the catalogue, styles and vector tiles from the server into an
// OpenLayers map with a layer panel, legends, feature popups and the citation rule.

import 'ol/ol.css';
import './portal.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Attribution from 'ol/control/Attribution.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import Zoom from 'ol/control/Zoom.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { setUpAbout } from './map/about.js';
import { featuresAtPixel } from './map/hits.js';
import { getConfig, getLayers, getStyle, getTileJson } from './map/api.js';
import { language, onLanguageChange, setLanguage, t, translateStatic } from './core/i18n.js';
import {
  BASE_LAYER,
  DEFAULT_VISIBLE,
  TileLoadCounter,
  createBaseMapLayer,
  createNoDataLayer,
  createVectorTileLayer,
  drawOrder,
  tileJsonExtent,
} from './map/layers.js';
import { buildPanel } from './map/panel.js';
import { createPopup } from './map/popup.js';
import { setUpSearch } from './map/search.js';
import { compileStyle } from './map/styles.js';
import { createEditLayers } from './edit/editlayers.js';
import { restore } from './account/session.js';
import { setUpAccountArea } from './account/signin.js';
import { setUpWorkspace } from './edit/workspace.js';

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
  updatePanelToggleLabel();
  for (const [selector, key] of [['.ol-zoom-in', 'zoomIn'], ['.ol-zoom-out', 'zoomOut']]) {
    const button = document.querySelector(selector);
    if (button) {
      button.title = t(key);
      button.setAttribute('aria-label', t(key));
    }
  }
}

function updatePanelToggleLabel() {
  const toggle = document.getElementById('panel-toggle');
  const expanded = toggle.getAttribute('aria-expanded') === 'true';
  toggle.title = t(expanded ? 'hideLayers' : 'showLayers');
}

function setUpPanelToggle(getMap) {
  const toggle = document.getElementById('panel-toggle');
  const set = (open) => {
    document.body.classList.toggle('panel-collapsed', !open);
    toggle.setAttribute('aria-expanded', String(open));
    updatePanelToggleLabel();
    getMap()?.updateSize();
  };
  set(!NARROW.matches);
  toggle.addEventListener('click', () => set(toggle.getAttribute('aria-expanded') !== 'true'));
  NARROW.addEventListener('change', (event) => set(!event.matches));
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

async function loadLayer(entry) {
  try {
    const [style, tiles] = await Promise.all([getStyle(entry.name), getTileJson(entry.name)]);
    return { entry, style: compileStyle(style, entry.geometryType), tiles };
  } catch (error) {
    console.error(`EnvGis: layer "${entry.name}" could not be loaded`, error);
    return { entry, error };
  }
}

/**
 * The map layers: one VectorTile layer per catalogue layer whose style loaded, and under them the
 * external base map (when configured) or the "no data" veil around the land base layer.
 */
function buildLayers(config, entries, loaded) {
  const zIndex = drawOrder(entries);
  const counter = new TileLoadCounter();
  const layers = new Map();
  const styles = new Map();
  for (const { entry, style, tiles } of loaded) {
    if (!style) {
      continue;
    }
    const visible = entry.name === BASE_LAYER ? !config.baseMap : DEFAULT_VISIBLE.has(entry.name);
    styles.set(entry.name, style);
    layers.set(
      entry.name,
      createVectorTileLayer(entry, style, tiles, {
        attribution: config.attribution,
        zIndex: zIndex.get(entry.name),
        visible,
        counter,
      }),
    );
  }

  const mapLayers = [...layers.values()];
  const base = layers.get(BASE_LAYER);
  const baseExtent = base && tileJsonExtent(loaded.find((l) => l.entry.name === BASE_LAYER).tiles.tileJson);
  if (config.baseMap) {
    mapLayers.unshift(createBaseMapLayer(config.baseMap));
  } else if (base && baseExtent) {
    mapLayers.unshift(createNoDataLayer(base, baseExtent));
  }
  return { layers, styles, mapLayers };
}

function createMap(config, mapLayers) {
  const mapElement = document.getElementById('map');
  mapElement.classList.toggle('sea', !config.baseMap);
  const view = config.initialView ?? { center: [106.68, 20.86], zoom: 9 };
  const map = new OlMap({
    target: mapElement,
    controls: [
      new Zoom({ zoomInTipLabel: t('zoomIn'), zoomOutTipLabel: t('zoomOut') }),
      new Attribution({ collapsible: false }),
      new ScaleLine({ units: 'metric' }),
    ],
    layers: mapLayers,
    view: new View({
      center: fromLonLat(view.center),
      zoom: view.zoom,
      minZoom: 6,
      maxZoom: 19,
      extent: PAN_LIMIT,
      constrainOnlyCenter: true,
    }),
  });
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

async function start() {
  let map = null;
  setUpLanguageSwitch();
  setUpPanelToggle(() => map);
  applyLanguage();

  const [config, catalogue] = await Promise.all([getConfig(), getLayers()]);
  const categories = catalogue.categories ?? [];
  const entries = categories.flatMap((category) => category.layers ?? []);
  const loaded = await Promise.all(entries.map(loadLayer));
  const { layers, styles, mapLayers } = buildLayers(config, entries, loaded);
  map = createMap(config, mapLayers);

  buildPanel(document.getElementById('layer-list'), { categories, layers, styles, map });
  const catalogueByName = new Map(entries.map((entry) => [entry.name, entry]));
  const editLayers = createEditLayers(map);
  const workspace = setUpWorkspace({ map, catalogue: catalogueByName, categories, layers, editLayers });
  createPopup(map, catalogueByName, { actions: workspace.popupActions });
  setUpSearch(document.getElementById('tabpanel-layers'), { map, catalogue: catalogueByName });
  setUpAbout(config);
  setUpAccountArea(document.getElementById('account-area'));
  applyLanguage();
  expose(map, layers);
  window.envgis.editLayers = editLayers;
  window.envgis.workspace = workspace;
  // A session cookie may have survived a reload: ask who is signed in (anonymous visitors get null).
  await restore();
  document.getElementById('status').hidden = true;
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  console.error('EnvGis: the map could not be started', error);
  document.body.dataset.ready = 'error';
  showStatus('loadError', true);
});
