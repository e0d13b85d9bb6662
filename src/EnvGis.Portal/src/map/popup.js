// Feature information: a card in the corner of the map (a sheet at the bottom on phones), so the map
// never moves under the visitor; the record's layer and name once, its attributes with the
// catalogue's labels and formatted values, its validity, source and citation (Art. 3.5); the chosen
// feature highlighted on the map. Opened by a click, a search hit, a table row or a permalink.
// All values are untrusted: they go into the DOM with textContent only.

import Feature from 'ol/Feature.js';
import VectorLayer from 'ol/layer/Vector.js';
import { toGeometry } from 'ol/render/Feature.js';
import VectorSource from 'ol/source/Vector.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import { h, replaceChildren } from '../core/dom.js';
import { formatValue } from '../core/format.js';
import { has, localized, onLanguageChange, t } from '../core/i18n.js';
import { request } from '../core/http.js';
import { portal } from '../core/store.js';
import { attachmentSection } from './attachments.js';
import { cardExtension } from './cardextensions.js';
import { featuresAtPixel } from './hits.js';
import { BASE_LAYER } from './layers.js';

const MAX_FEATURES = 5;
const HIT_TOLERANCE = 4;

const HIGHLIGHT = [
  new Style({ stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.9)', width: 7 }), image: new CircleStyle({ radius: 11, stroke: new Stroke({ color: '#fff', width: 5 }) }) }),
  new Style({
    stroke: new Stroke({ color: '#00bcd4', width: 3 }),
    fill: new Fill({ color: 'rgba(0, 188, 212, 0.15)' }),
    image: new CircleStyle({ radius: 11, stroke: new Stroke({ color: '#00bcd4', width: 3 }) }),
  }),
];

/** A records-API feature (GeoJSON) read like a vector-tile feature. */
function recordFeature(geojson, id) {
  const properties = geojson.properties ?? {};
  return { get: (name) => properties[name], getId: () => id, getProperties: () => properties };
}

/**
 * Adds the feature information card to the map.
 * @param {import('ol/Map.js').default} map Map.
 * @param {Map<string, Object>} catalogue Catalogue layers by name.
 * @param {{actions?: function(Object, Object): Array<Node>}} [options] Buttons for signed-in users.
 * @return {{close: function(): void, openRecord: function(string, number, Object=): Promise<void>}} Control.
 */
export function createPopup(map, catalogue, { actions = () => [] } = {}) {
  const content = h('div', { class: 'popup-content' });
  const closeButton = h('button', { type: 'button', class: 'popup-close', onclick: () => close() }, ['×']);
  const element = h('div', { class: 'popup', role: 'dialog', tabindex: '-1', hidden: true }, [closeButton, content]);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      map.getTargetElement()?.focus();
    }
  });
  map.getTargetElement().append(element);
  const highlight = new VectorSource();
  map.addLayer(new VectorLayer({ source: highlight, style: HIGHLIGHT, zIndex: 5500, properties: { envgisRole: 'highlight' } }));

  /** @type {Array<{entry: Object, feature: Object}>} */
  let hits = [];

  function render() {
    closeButton.setAttribute('aria-label', t('close'));
    closeButton.title = t('close');
    element.setAttribute('aria-label', t('featureInfo'));
    replaceChildren(content, hits.map(({ entry, feature }) => {
      const section = featureSection(entry, feature);
      const buttons = actions(entry, feature);
      if (buttons.length) {
        section.append(h('div', { class: 'feature-actions' }, buttons));
      }
      return section;
    }));
  }

  function show(found, geometry) {
    hits = found;
    highlight.clear();
    if (geometry) {
      highlight.addFeature(new Feature(geometry));
    }
    render();
    element.hidden = false;
    element.focus({ preventScroll: true });
    const first = found[0];
    const id = Number(first?.feature.getId());
    portal.set({ selection: first && Number.isInteger(id) && first.entry.name !== BASE_LAYER ? { layer: first.entry.name, id } : null });
  }

  function close() {
    hits = [];
    highlight.clear();
    element.hidden = true;
    if (portal.get().selection) {
      portal.set({ selection: null });
    }
  }

  map.on('singleclick', (event) => {
    // While drawing, measuring or picking communes on the map, clicks belong to that work.
    if (map.get('editing') || map.get('picking')) {
      return;
    }
    const found = featuresAt(map, event.pixel, catalogue);
    if (found.length === 0) {
      close();
      return;
    }
    const rendered = found[0].feature;
    show(found, rendered.getGeometry && rendered.getType ? toGeometry(rendered) : null);
  });
  // Drawing starts: the card would cover the work.
  map.on('change:editing', () => {
    if (map.get('editing')) {
      close();
    }
  });

  let pendingMove = null;
  map.on('pointermove', (event) => {
    if (event.dragging || event.originalEvent.pointerType === 'touch') {
      return;
    }
    if (pendingMove === null) {
      requestAnimationFrame(() => {
        const hit = !map.get('editing') && featuresAt(map, pendingMove, catalogue, false).length > 0;
        map.getTargetElement().classList.toggle('over-feature', hit);
        pendingMove = null;
      });
    }
    pendingMove = event.pixel;
  });

  onLanguageChange(() => {
    if (hits.length) {
      render();
    }
  });

  /**
   * Opens one record (search hit, table row, permalink): its card, its highlight, optionally the view fitted to it.
   * @param {string} layer Layer name.
   * @param {number} id Record id.
   * @param {{fit?: boolean, feature?: Object}} [options] `feature`: the GeoJSON when the caller has it.
   */
  async function openRecord(layer, id, { fit = false, feature = null } = {}) {
    const entry = catalogue.get(layer);
    if (!entry) {
      return;
    }
    const geojson = feature?.properties?.status !== undefined || feature?.geometry
      ? feature
      : await request('GET', `api/layers/${encodeURIComponent(layer)}/records/${encodeURIComponent(id)}`, { retry: false });
    const { readGeometry } = await import('./tools/index.js');
    const geometry = geojson.geometry ? readGeometry(geojson.geometry, map.getView().getProjection()) : null;
    if (fit && geometry) {
      map.getView().fit(geometry.getExtent(), { padding: [60, 60, 60, 60], maxZoom: 17, duration: 250 });
    }
    show([{ entry, feature: recordFeature(geojson, id) }], geometry);
    document.body.dataset.popupRecord = `${layer}.${id}`;
  }

  map.set('popup', { close, openRecord });
  return { close, openRecord };
}

/**
 * The features under a pixel, topmost first, one per record; the base layer only when nothing else
 * is hit (or never, for the hover cursor).
 */
function featuresAt(map, pixel, catalogue, withBase = true) {
  const found = featuresAtPixel(map, pixel, HIT_TOLERANCE)
    .map(({ layer, feature }) => ({ entry: catalogue.get(layer.get('envgisLayer')), feature }))
    .filter((hit) => hit.entry);
  const thematic = found.filter((hit) => hit.entry.name !== BASE_LAYER);
  return (thematic.length || !withBase ? thematic : found).slice(0, MAX_FEATURES);
}

function featureSection(entry, feature) {
  const get = (name) => feature.get(name);
  const labelValue = entry.labelAttribute ? get(entry.labelAttribute) : undefined;
  const id = feature.getId();
  const hasLabel = labelValue !== undefined && labelValue !== null && labelValue !== '';
  const label = hasLabel ? String(labelValue) : localized(entry.title);

  const rows = [];
  for (const attribute of entry.attributes ?? []) {
    // The name is the card's heading already.
    if (hasLabel && attribute.name === entry.labelAttribute) {
      continue;
    }
    const value = get(attribute.name);
    const valueLabel = attribute.valueLabels?.[value];
    const text = valueLabel ? localized(valueLabel) : formatValue(value, attribute.type);
    if (text !== '') {
      rows.push([localized(attribute.label) || attribute.name, text]);
    }
  }
  const metadata = [];
  const status = get('status');
  // The public sees published records only: their status says nothing to them.
  if (status && status !== 'published') {
    metadata.push([t('status'), has(`status.${status}`) ? t(`status.${status}`) : String(status)]);
  }
  for (const [key, name] of [['validFrom', 'valid_from'], ['validTo', 'valid_to']]) {
    const text = formatValue(get(name), 'date');
    if (text) {
      metadata.push([t(key), text]);
    }
  }
  for (const [key, name] of [['source', 'source'], ['citation', 'citation']]) {
    const text = formatValue(get(name), 'text');
    if (text) {
      metadata.push([t(key), text]);
    }
  }

  return h('section', { class: 'feature', dataset: { layer: entry.name, feature: id !== undefined ? `${entry.name}.${id}` : '', status: status ?? '' } }, [
    h('p', { class: 'feature-layer', text: localized(entry.title) }),
    h('h3', { class: 'feature-label', text: label }),
    definitionList('feature-attributes', rows),
    metadata.length ? definitionList('feature-metadata', metadata) : null,
    // Documents, when the record has any the visitor may read (shown once loaded).
    id !== undefined && entry.name !== BASE_LAYER ? attachmentSection(entry.name, Number(id)) : null,
    // What another area adds for this layer (e.g. a station's measurements).
    id !== undefined ? cardExtension(entry.name, Number(id), feature, () => h('div', { class: 'card-extension' })) : null,
  ]);
}

function definitionList(className, rows) {
  const list = h('dl', { class: className });
  for (const [term, value] of rows) {
    list.append(h('dt', { text: term }), h('dd', { text: value }));
  }
  return list;
}
