// The administrator's layer forms in the drawer (docs/catalogue.md): a new layer with its attributes,
// and an existing layer's titles, public flag and attributes (labels and allowed values in Vietnamese
// and English, required, a new attribute, removal). The server checks everything and says why it
// refuses; the forms only shape the request.

import * as catalogueApi from './catalogueapi.js';
import { h, replaceChildren } from '../core/dom.js';
import { closeDrawer, openDrawer } from '../core/drawer.js';
import { localized, t } from '../core/i18n.js';
import { button, confirmDialog, describeError, labelled, message } from '../core/ui.js';
import { formatValues, parseValues } from './allowedvalues.js';

const TYPES = ['text', 'integer', 'number', 'date', 'datetime', 'boolean'];
const GEOMETRIES = ['Point', 'MultiLineString', 'MultiPolygon'];

const input = (name, value = '', extra = {}) => h('input', { name, autocomplete: 'off', value, ...extra });
const textarea = (name, value = '', rows = 3) => h('textarea', { name, rows, text: value });
const check = (name, checked, key) => h('label', { class: 'check' }, [h('input', { type: 'checkbox', name, checked }), h('span', { text: t(key) })]);
const typeSelect = (name, value = 'text') => h('select', { name }, TYPES.map((type) => h('option', { value: type, text: t(`admin.type.${type}`), selected: type === value })));
const checked = (root, name) => root.querySelector(`[name=${name}]`).checked;
const value = (root, name) => root.querySelector(`[name=${name}]`).value.trim();

/** The inputs of a new attribute; `attributeBody` reads them back. */
function attributeFields(withDefault) {
  return h('fieldset', { class: 'attribute-fields' }, [
    labelled(t('admin.attributeName'), input('attrName', '', { autocapitalize: 'none', spellcheck: 'false' }), { required: true, hint: t('admin.nameRule') }),
    labelled(t('admin.attributeType'), typeSelect('attrType')),
    check('attrRequired', false, 'admin.required'),
    labelled(t('admin.labelVi'), input('attrLabelVi'), { required: true }),
    labelled(t('admin.labelEn'), input('attrLabelEn'), { required: true }),
    labelled(t('admin.allowedValues'), textarea('attrValues'), { hint: t('admin.allowedValuesHint') }),
    withDefault ? labelled(t('admin.defaultValue'), input('attrDefault'), { hint: t('admin.defaultHint') }) : null,
  ]);
}

function attributeBody(fields) {
  const values = parseValues(fields.querySelector('[name=attrValues]').value);
  const fallback = fields.querySelector('[name=attrDefault]')?.value.trim();
  return {
    name: value(fields, 'attrName'),
    type: value(fields, 'attrType'),
    required: checked(fields, 'attrRequired'),
    label: { vi: value(fields, 'attrLabelVi'), en: value(fields, 'attrLabelEn') },
    ...(values ?? {}),
    ...(fallback ? { default: fallback } : {}),
  };
}

/**
 * A new layer: name, category, geometry type, titles and abstracts (vi/en), public, label attribute and attributes.
 * @param {Array<Object>} categories The Article 5 categories (/api/layers).
 * @param {function(string): void} onSaved Called with a message once the layer exists.
 */
export function openNewLayerForm(categories, onSaved) {
  const note = h('p', { class: 'message', hidden: true, dataset: { testid: 'layer-message' } });
  const attributes = h('div', { class: 'attribute-rows' }, [attributeFields(false)]);
  const form = h('div', { class: 'layer-form' }, [
    labelled(t('admin.layerName'), input('layerName', '', { autocapitalize: 'none', spellcheck: 'false' }), { required: true, hint: t('admin.nameRule') }),
    labelled(t('meta.category'), h('select', { name: 'category' }, categories.map((c) => h('option', { value: String(c.id), text: `${c.id}. ${localized(c.title)}` })))),
    labelled(t('meta.geometry'), h('select', { name: 'geometryType' }, GEOMETRIES.map((g) => h('option', { value: g, text: t(`meta.geometry.${g}`) })))),
    labelled(t('admin.titleVi'), input('titleVi'), { required: true }),
    labelled(t('admin.titleEn'), input('titleEn'), { required: true }),
    labelled(t('admin.abstractVi'), textarea('abstractVi')),
    labelled(t('admin.abstractEn'), textarea('abstractEn')),
    check('public', true, 'admin.publicLayer'),
    labelled(t('admin.labelAttribute'), input('labelAttribute', '', { autocapitalize: 'none' }), { hint: t('admin.labelAttributeHint') }),
    h('h4', { text: t('admin.attributes') }),
    attributes,
    h('div', { class: 'actions' }, [button('admin.addAttributeRow', () => attributes.append(attributeFields(false)), { kind: 'small' })]),
  ]);

  const save = async () => {
    const body = {
      name: value(form, 'layerName'),
      category: Number(value(form, 'category')),
      geometryType: value(form, 'geometryType'),
      title: { vi: value(form, 'titleVi'), en: value(form, 'titleEn') },
      abstract: { vi: value(form, 'abstractVi'), en: value(form, 'abstractEn') },
      public: checked(form, 'public'),
      labelAttribute: value(form, 'labelAttribute') || null,
      attributes: [...attributes.querySelectorAll('.attribute-fields')].map(attributeBody).filter((a) => a.name),
    };
    try {
      const layer = await catalogueApi.addLayer(body);
      closeDrawer();
      onSaved(t('admin.layerAdded', { layer: localized(layer.title) }));
    } catch (error) {
      message(note, describeError(error), 'error');
    }
  };
  openDrawer(t('admin.newLayer'), [form, note, h('div', { class: 'actions' }, [button('cancel', closeDrawer), button('admin.saveLayer', save, { kind: 'primary' })])],
    null, 'layer-form');
}

/**
 * An existing layer: its titles, abstract and public flag; each attribute's labels, required flag and
 * allowed values; a new attribute; removal of one.
 * @param {Object} layer The layer as /api/layers lists it.
 * @param {function(string): void} onSaved Called with a message after each change.
 */
export function openLayerForm(layer, onSaved) {
  const note = h('p', { class: 'message', hidden: true, dataset: { testid: 'layer-message' } });
  const done = (changed) => {
    message(note, t('admin.catalogueSaved'), 'ok');
    onSaved(t('admin.catalogueSaved'));
    replaceChildren(attributeList, changed.attributes.filter((a) => !a.measured).map(attributeEditor));
  };
  const fail = (error) => message(note, describeError(error), 'error');

  const details = h('div', { class: 'layer-form' }, [
    labelled(t('admin.titleVi'), input('titleVi', layer.title.vi), { required: true }),
    labelled(t('admin.titleEn'), input('titleEn', layer.title.en), { required: true }),
    labelled(t('admin.abstractVi'), textarea('abstractVi', layer.abstract?.vi ?? '')),
    labelled(t('admin.abstractEn'), textarea('abstractEn', layer.abstract?.en ?? '')),
    check('public', layer.public !== false, 'admin.publicLayer'),
    h('div', { class: 'actions' }, [button('admin.saveLayer', async () => {
      try {
        done(await catalogueApi.changeLayer(layer.name, {
          title: { vi: value(details, 'titleVi'), en: value(details, 'titleEn') },
          abstract: { vi: value(details, 'abstractVi'), en: value(details, 'abstractEn') },
          public: checked(details, 'public'),
        }));
      } catch (error) {
        fail(error);
      }
    }, { kind: 'primary' })]),
  ]);

  function attributeEditor(attribute) {
    const box = h('fieldset', { class: 'attribute-fields', dataset: { attribute: attribute.name } }, [
      h('legend', { text: `${attribute.name} · ${t(`admin.type.${attribute.type}`)}` }),
      labelled(t('admin.labelVi'), input('attrLabelVi', attribute.label.vi)),
      labelled(t('admin.labelEn'), input('attrLabelEn', attribute.label.en)),
      check('attrRequired', attribute.required, 'admin.required'),
      attribute.type === 'text' ? labelled(t('admin.allowedValues'), textarea('attrValues', formatValues(attribute)), { hint: t('admin.allowedValuesHint') }) : null,
    ]);
    box.append(h('div', { class: 'actions' }, [
      button('admin.saveAttribute', async () => {
        const values = attribute.type === 'text' ? parseValues(box.querySelector('[name=attrValues]').value) : undefined;
        try {
          done(await catalogueApi.changeAttribute(layer.name, attribute.name, {
            label: { vi: value(box, 'attrLabelVi'), en: value(box, 'attrLabelEn') },
            required: checked(box, 'attrRequired'),
            ...(values === undefined ? {} : values ?? { freeText: true }),
          }));
        } catch (error) {
          fail(error);
        }
      }, { kind: 'small' }),
      button('admin.removeAttribute', async () => {
        if (!await confirmDialog(t('admin.removeAttribute'), t('admin.removeAttributeText', { attribute: attribute.name }), { danger: true })) {
          return;
        }
        try {
          await catalogueApi.removeAttribute(layer.name, attribute.name);
          const { categories } = await catalogueApi.layers();
          done(categories.flatMap((c) => c.layers).find((l) => l.name === layer.name));
        } catch (error) {
          fail(error);
        }
      }, { kind: 'small' }),
    ]));
    return box;
  }

  const attributeList = h('div', { class: 'attribute-rows' }, layer.attributes.filter((a) => !a.measured).map(attributeEditor));
  const newAttribute = attributeFields(true);
  openDrawer(t('admin.layerTitle', { layer: localized(layer.title) }), [
    details,
    h('h4', { text: t('admin.attributes') }),
    attributeList,
    h('h4', { text: t('admin.newAttribute') }),
    newAttribute,
    h('div', { class: 'actions' }, [button('admin.addAttribute', async () => {
      try {
        done(await catalogueApi.addAttribute(layer.name, attributeBody(newAttribute)));
      } catch (error) {
        fail(error);
      }
    }, { kind: 'primary' })]),
    note,
  ], null, 'layer-edit');
}
