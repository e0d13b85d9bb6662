// The layer panel: Article 5 categories in order, each layer with a keyboard-usable toggle and a
// legend built from its style rules. Built once; texts follow the language switch.

import { h } from '../core/dom.js';
import { localized, onLanguageChange, t } from '../core/i18n.js';
import { hasLegend, ruleSwatch } from './legend.js';

/**
 * Builds the panel contents.
 * @param {HTMLElement} container Where the panel goes.
 * @param {Object} options Options.
 * @param {Array<Object>} options.categories Categories from `/api/layers`.
 * @param {Map<string, import('ol/layer/Base.js').default>} options.layers Map layers by name.
 * @param {Map<string, ReturnType<import('./styles.js').compileStyle>>} options.styles Compiled styles by name.
 * @param {import('ol/Map.js').default} options.map The map.
 */
export function buildPanel(container, { categories, layers, styles, map }) {
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
  const sections = categories.map((category) => {
    const headingId = `category-${category.id}`;
    const heading = text(h('h3', { class: 'category-title', id: headingId }), () => localized(category.title));
    const entries = category.layers ?? [];
    if (entries.length === 0) {
      return h('section', { class: 'category empty', 'aria-labelledby': headingId }, [
        heading,
        text(h('p', { class: 'category-note' }), () => t('noLayers')),
      ]);
    }
    const list = h('ul', { class: 'layer-list' });
    for (const entry of entries) {
      list.appendChild(layerItem(entry));
    }
    return h('section', { class: 'category', 'aria-labelledby': headingId }, [heading, list]);
  });

  function layerItem(entry) {
    const layer = layers.get(entry.name);
    const style = styles.get(entry.name);
    const inputId = `layer-${entry.name}`;
    const item = h('li', { class: 'layer', dataset: { layer: entry.name } });
    const input = h('input', { type: 'checkbox', id: inputId, class: 'layer-toggle', disabled: !layer });
    const label = text(h('label', { for: inputId, class: 'layer-title' }), () => localized(entry.title));
    const abstractId = `abstract-${entry.name}`;
    const abstract = text(h('p', { class: 'layer-abstract', id: abstractId }), () => localized(entry.abstract));
    input.setAttribute('aria-describedby', abstractId);
    item.append(h('div', { class: 'layer-row' }, [input, label]));

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

    const scaleNote = text(h('p', { class: 'layer-note scale-note', hidden: true }), () => t('outOfScale'));
    const legend = attribute(h('ul', { class: 'legend' }), 'aria-label', () =>
      t('legendOf', { layer: localized(entry.title) }),
    );
    const ruleItems = style.rules.filter(hasLegend).map((rule) => {
      const title = text(h('span', { class: 'legend-title' }), () => localized(rule.title) || rule.name || localized(entry.title));
      const li = h('li', { class: 'legend-item' }, [ruleSwatch(rule), title]);
      legend.appendChild(li);
      return { rule, li };
    });
    item.append(abstract, scaleNote, legend);
    scaleWatchers.push((resolution) => {
      const visible = style.visibleAt(resolution);
      item.classList.toggle('out-of-scale', !visible);
      scaleNote.hidden = visible;
      for (const { rule, li } of ruleItems) {
        li.classList.toggle('out-of-scale', !style.ruleVisibleAt(rule, resolution));
      }
    });
    return item;
  }

  container.replaceChildren(...sections);

  const view = map.getView();
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
