// Feature information popup: the layer title, the record's label, its attributes with the
// catalogue's labels and formatted values, and the record's source and citation (Art. 3.5).
// All values are untrusted: they go into the DOM with textContent only.

import Overlay from 'ol/Overlay.js';
import { attachmentSection } from './attachments.js';
import { h, replaceChildren } from '../core/dom.js';
import { formatValue } from '../core/format.js';
import { has, localized, onLanguageChange, t } from '../core/i18n.js';
import { featuresAtPixel } from './hits.js';
import { BASE_LAYER } from './layers.js';

const MAX_FEATURES = 5;
const HIT_TOLERANCE = 4;

/**
 * Adds the popup to the map.
 * @param {import('ol/Map.js').default} map Map.
 * @param {Map<string, Object>} catalogue Catalogue layers by name.
 * @return {{close: function(): void}} Control.
 */
export function createPopup(map, catalogue, { actions = () => [] } = {}) {
  const content = h('div', { class: 'popup-content' });
  const closeButton = h('button', { type: 'button', class: 'popup-close', onclick: () => close() }, ['×']);
  const element = h('div', { class: 'popup', role: 'dialog', tabindex: '-1' }, [closeButton, content]);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      map.getTargetElement()?.focus();
    }
  });
  const overlay = new Overlay({
    element,
    positioning: 'bottom-center',
    offset: [0, -10],
    autoPan: { animation: { duration: 200 }, margin: 24 },
    stopEvent: true,
  });
  map.addOverlay(overlay);

  /** @type {Array<{entry: Object, feature: import('ol/Feature.js').FeatureLike}>} */
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

  function close() {
    hits = [];
    overlay.setPosition(undefined);
    element.hidden = true;
  }

  map.on('singleclick', (event) => {
    // While drawing, or picking communes on the map, clicks belong to that work.
    if (map.get('editing') || map.get('picking')) {
      return;
    }
    hits = featuresAt(map, event.pixel, catalogue);
    if (hits.length === 0) {
      close();
      return;
    }
    render();
    element.hidden = false;
    overlay.setPosition(event.coordinate);
    element.focus({ preventScroll: true });
  });

  let pendingMove = null;
  map.on('pointermove', (event) => {
    if (event.dragging || event.originalEvent.pointerType === 'touch') {
      return;
    }
    if (pendingMove === null) {
      requestAnimationFrame(() => {
        const hit = featuresAt(map, pendingMove, catalogue, false).length > 0;
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
  close();
  return { close };
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
  const label = labelValue !== undefined && labelValue !== null && labelValue !== ''
    ? String(labelValue)
    : id !== undefined ? `${entry.name}.${id}` : localized(entry.title);

  const rows = [];
  for (const attribute of entry.attributes ?? []) {
    const value = get(attribute.name);
    const valueLabel = attribute.valueLabels?.[value];
    const text = valueLabel ? localized(valueLabel) : formatValue(value, attribute.type);
    if (text !== '') {
      rows.push([localized(attribute.label) || attribute.name, text]);
    }
  }
  const metadata = [];
  if (id !== undefined) {
    metadata.push([t('recordId'), `${entry.name}.${id}`]);
  }
  const status = get('status');
  if (status) {
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

  return h('section', { class: 'feature', dataset: { layer: entry.name } }, [
    h('p', { class: 'feature-layer', text: localized(entry.title) }),
    h('h3', { class: 'feature-label', text: label }),
    definitionList('feature-attributes', rows),
    metadata.length ? definitionList('feature-metadata', metadata) : null,
    // Documents, when the record has any the visitor may read (shown once loaded).
    id !== undefined && entry.name !== BASE_LAYER ? attachmentSection(entry.name, Number(id)) : null,
  ]);
}

function definitionList(className, rows) {
  const list = h('dl', { class: className });
  for (const [term, value] of rows) {
    list.append(h('dt', { text: term }), h('dd', { text: value }));
  }
  return list;
}
