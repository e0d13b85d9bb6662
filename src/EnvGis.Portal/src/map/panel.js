// The layer panel: Article 5 categories in order (each one can be folded), each layer with a
// keyboard-usable toggle and, on demand, its legend (drawn from its style rules), "zoom to layer",
// its attribute table and its metadata page. Texts follow the language switch.

import { h } from '../core/dom.js';
import { localized, onLanguageChange, t } from '../core/i18n.js';
import { getTileJson } from './api.js';
import { hasLegend, ruleSwatch } from './legend.js';
import { tileJsonExtent } from './layers.js';

/**
 * Builds the panel contents.
 * @param {HTMLElement} container Where the panel goes.
 * @param {Object} options categories, layers (by name), styles (compiled, by name), map, catalogue (by name).
 */
export function buildPanel(container, { categories, layers, styles, map, catalogue }) {
  const updates = [];
  const text = (element, get) => {
    const update = () => {
      element.textContent = get();
    };
    update();
    updates.push(update);
    return element;
  };
  const attribute = (element, name, get) => {
    const update = () => element.setAttribute(name, get());
    update();
    updates.push(update);
    return element;
  };

  const scaleWatchers = [];
  const view = map.getView();
  const sections = categories.map((category) => {
    const headingId = `category-${category.id}`;
    const title = text(h('span', { class: 'category-title', id: headingId }), () => localized(category.title));
    const entries = category.layers ?? [];
    const summary = h('summary', { class: 'category-summary' }, [title]);
    if (entries.length === 0) {
      return h('section', { class: 'category empty', 'aria-labelledby': headingId }, [
        h('details', { class: 'category-fold' }, [summary, text(h('p', { class: 'category-note' }), () => t('noLayers'))]),
      ]);
    }
    const list = h('ul', { class: 'layer-list' });
    for (const entry of entries) {
      list.appendChild(layerItem(entry));
    }
    const count = text(h('span', { class: 'category-count' }), () => String(entries.length));
    summary.append(count);
    return h('section', { class: 'category', 'aria-labelledby': headingId, dataset: { category: String(category.id) } }, [
      h('details', { class: 'category-fold', open: true }, [summary, list]),
    ]);
  });

  const zoomToLayer = async (name) => {
    const extent = tileJsonExtent(await getTileJson(name));
    if (extent) {
      map.getView().fit(extent, { padding: [40, 40, 40, 40], maxZoom: 16, duration: 250 });
      document.body.dataset.zoomedTo = name;
    }
  };

  function layerItem(entry) {
    const layer = layers.get(entry.name);
    const style = styles.get(entry.name);
    const inputId = `layer-${entry.name}`;
    const item = h('li', { class: 'layer', dataset: { layer: entry.name } });
    const input = h('input', { type: 'checkbox', id: inputId, class: 'layer-toggle', disabled: !layer });
    const label = text(h('label', { for: inputId, class: 'layer-title' }), () => localized(entry.title));
    const abstractId = `abstract-${entry.name}`;
    const abstract = text(h('p', { class: 'layer-abstract visually-hidden', id: abstractId }), () => localized(entry.abstract));
    input.setAttribute('aria-describedby', abstractId);
    const row = h('div', { class: 'layer-row' }, [input, label]);
    item.append(row);

    if (!layer || !style) {
      item.classList.add('unavailable');
      item.append(text(h('p', { class: 'layer-note' }), () => t('layerUnavailable')));
      return item;
    }

    input.checked = layer.getVisible();
    item.classList.toggle('off', !layer.getVisible());
    input.addEventListener('change', () => layer.setVisible(input.checked));
    layer.on('change:visible', () => {
      input.checked = layer.getVisible();
      item.classList.toggle('off', !layer.getVisible());
    });

    const legendId = `legend-${entry.name}`;
    const scaleNote = text(h('p', { class: 'layer-note scale-note', hidden: true }), () => t('outOfScale'));
    const legend = attribute(h('ul', { class: 'legend', id: legendId, hidden: true }), 'aria-label', () =>
      t('legendOf', { layer: localized(entry.title) }),
    );
    // Legend entries are drawn when the legend is first opened (the first rule's swatch stands beside the name).
    const legendRules = style.rules.filter(hasLegend);
    let ruleItems = [];
    const buildLegend = () => {
      ruleItems = legendRules.map((rule) => {
        const title = text(h('span', { class: 'legend-title' }), () => localized(rule.title) || rule.name || localized(entry.title));
        const li = h('li', { class: 'legend-item' }, [ruleSwatch(rule), title]);
        legend.appendChild(li);
        return { rule, li };
      });
      updateRules(view.getResolution());
    };
    const legendToggle = h('button', { type: 'button', class: 'legend-toggle', 'aria-expanded': 'false', 'aria-controls': legendId, dataset: { action: 'legend' } },
      [legendRules[0] ? ruleSwatch(legendRules[0]) : null]);
    attribute(legendToggle, 'aria-label', () => t('showLegend', { layer: localized(entry.title) }));
    attribute(legendToggle, 'title', () => t('legend'));
    legendToggle.addEventListener('click', () => {
      const open = legendToggle.getAttribute('aria-expanded') !== 'true';
      if (open && ruleItems.length === 0) {
        buildLegend();
      }
      legendToggle.setAttribute('aria-expanded', String(open));
      legend.hidden = !open;
    });
    const updateRules = (resolution) => {
      for (const { rule, li } of ruleItems) {
        li.classList.toggle('out-of-scale', resolution !== undefined && !style.ruleVisibleAt(rule, resolution));
      }
    };
    const small = (action, icon, key, onclick) => attribute(attribute(
      h('button', { type: 'button', class: 'layer-action', dataset: { action }, onclick }, [h('span', { 'aria-hidden': 'true', text: icon })]),
      'title', () => t(key)), 'aria-label', () => `${t(key)}: ${localized(entry.title)}`);
    row.prepend(legendToggle);
    row.append(h('span', { class: 'layer-actions' }, [
      small('zoom', '⤢', 'zoomToLayer', () => zoomToLayer(entry.name)),
      small('table', '☰', 'table.open', async () => (await import('./tools/index.js')).openTable(map, catalogue.get(entry.name), layers.get(entry.name))),
      small('info', 'ⓘ', 'meta.open', async () => (await import('./tools/index.js')).openMetadata(catalogue.get(entry.name), categories)),
    ]));
    item.append(abstract, scaleNote, legend);
    scaleWatchers.push((resolution) => {
      const visible = style.visibleAt(resolution);
      item.classList.toggle('out-of-scale', !visible);
      scaleNote.hidden = visible;
      updateRules(resolution);
    });
    return item;
  }

  container.replaceChildren(...sections);

  const updateScale = () => {
    const resolution = view.getResolution();
    if (resolution !== undefined) {
      scaleWatchers.forEach((watch) => watch(resolution));
    }
  };
  map.on('moveend', updateScale);
  updateScale();
  onLanguageChange(() => updates.forEach((update) => update()));
}
