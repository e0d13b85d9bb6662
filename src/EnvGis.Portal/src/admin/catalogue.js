// The catalogue section of the administrator's tab (Art. 10; docs/catalogue.md): the layers with their
// titles and whether the public sees them, a new layer, and each layer's titles and attributes (labels
// and allowed values in Vietnamese and English). Changes apply on the server at once; this page shows
// a new layer on the map after it reloads its bootstrap (a reload of the page, not of the server).

import * as catalogueApi from './catalogueapi.js';
import { createCatalogueHistory } from './cataloguehistory.js';
import { openLayerForm, openNewLayerForm } from './layerform.js';
import { h, replaceChildren } from '../core/dom.js';
import { localized, t } from '../core/i18n.js';
import { button, describeError, message } from '../core/ui.js';

/**
 * @param {HTMLElement} container Where the section goes.
 */
export function createCatalogueSection(container) {
  let categories = [];
  const note = h('p', { class: 'message', hidden: true, dataset: { testid: 'catalogue-message' } });
  const list = h('div');
  const reload = button('admin.reloadMap', () => window.location.reload(), { kind: 'small' });
  reload.hidden = true;
  const history = createCatalogueHistory();

  let loading = null;
  const saved = (text) => {
    message(note, text, 'ok');
    reload.hidden = false;
    loading = load();
    history.refresh();
  };

  // Removal archives the layer's table (docs/catalogue.md "Removing a layer"); the server refuses it while anything depends on the layer.
  async function removeLayer(layer) {
    if (!window.confirm(t('admin.removeLayerConfirm', { title: localized(layer.title), name: layer.name }))) {
      return;
    }
    try {
      const removed = await catalogueApi.removeLayer(layer.name);
      saved(t('admin.layerRemoved', { title: localized(layer.title), archived: removed.archivedAs }));
    } catch (error) {
      message(note, describeError(error), 'error');
    }
  }

  async function load() {
    try {
      ({ categories } = await catalogueApi.layers());
      replaceChildren(list, categories.filter((c) => c.layers.length > 0).map((category) => h('div', { class: 'catalogue-category' }, [
        h('h4', { text: `${category.id}. ${localized(category.title)}` }),
        h('ul', { class: 'item-list' }, category.layers.map((layer) => h('li', { class: 'item', dataset: { layer: layer.name } }, [
          h('span', { class: 'item-title', text: localized(layer.title) }),
          h('span', { class: 'item-meta', text: `${layer.name} · ${t(`meta.geometry.${layer.geometryType}`)} · ${layer.attributes.length} ${t('admin.attributesShort')}${layer.public ? '' : ` · ${t('admin.restrictedLayer')}`}` }),
          h('div', { class: 'item-actions' }, [button('admin.editLayer', () => openLayerForm(layer, saved), { kind: 'small' }),
            button('admin.removeLayer', () => removeLayer(layer), { kind: 'small' })]),
        ]))),
      ])));
    } catch (error) {
      message(note, describeError(error), 'error');
    }
  }

  replaceChildren(container, [
    h('p', { class: 'field-hint', text: t('admin.catalogueHint') }),
    h('div', { class: 'actions' }, [button('admin.newLayer', async () => {
      await loading;
      openNewLayerForm(categories, saved);
    }, { kind: 'primary' }), reload]),
    note,
    list,
    history.element,
  ]);
  loading = load();
}
