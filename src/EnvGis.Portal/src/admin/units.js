// Administration of units (new units and their descriptions: adminunitform.js) and their scopes (Art. 9.2, 10): the layers a unit may edit, where (the whole city,
// or communes chosen from the list or by clicking them on the map), the status its new records start
// in, and self-approval for city units.

import { toLonLat } from 'ol/proj.js';
import * as admin from './api.js';
import { openUnitForm } from './unitform.js';
import { h, replaceChildren } from '../core/dom.js';
import { closeDrawer, openDrawer } from '../core/drawer.js';
import { pointInRing } from '../edit/geomcheck.js';
import { language, localized, t } from '../core/i18n.js';
import { COMMUNE_CODE, communes, polygonsOf } from '../edit/scope.js';
import { button, describeError, labelled, message } from '../core/ui.js';

const CITY_LEVEL = ['department', 'city_department', 'economic_zone_authority'];

/** The commune (GeoJSON feature) at a longitude/latitude, or null. */
export function communeAt(features, lonLat) {
  return features.find((f) => polygonsOf(f.geometry).some((polygon) =>
    pointInRing(lonLat, polygon[0]) >= 0 && polygon.slice(1).every((hole) => pointInRing(lonLat, hole) <= 0))) ?? null;
}

/**
 * @param {HTMLElement} container Where the list goes.
 * @param {Object} ctx map, catalogue, editLayers, units() (cached), invalidateUnits().
 */
export function createUnitsSection(container, ctx) {
  const note = h('p', { class: 'message', hidden: true });
  const list = h('div');
  const filter = h('input', { type: 'search', name: 'unitFilter', placeholder: t('admin.filterUnits') });

  async function load() {
    try {
      const units = await ctx.units();
      const text = filter.value.trim().toLowerCase();
      const shown = units.filter((u) => !text || `${u.code} ${u.nameVi} ${u.nameEn}`.toLowerCase().includes(text));
      replaceChildren(list, [h('ul', { class: 'item-list' }, shown.slice(0, 150).map((u) => h('li', { class: 'item', dataset: { unit: u.code } }, [
        h('span', { class: 'item-title', text: language() === 'en' ? u.nameEn : u.nameVi }),
        h('span', { class: 'item-meta', text: `${u.code} · ${t(`unitKind.${u.kind}`)} · ${u.layers.length} ${t('admin.layersShort')}` }),
        h('div', { class: 'item-actions' }, [
          button('admin.editUnit', () => openUnitForm(u, saved), { kind: 'small' }),
          button('admin.scope', () => openUnit(u.code), { kind: 'small' }),
        ]),
      ])))]);
    } catch (error) {
      message(note, describeError(error), 'error');
    }
  }
  filter.addEventListener('input', load);

  const saved = () => {
    ctx.invalidateUnits();
    load();
  };

  async function openUnit(code) {
    const unit = (await ctx.units()).find((u) => u.code === code);
    const all = await communes().catch(() => []);
    const byCode = new Map(all.map((f) => [f.properties[COMMUNE_CODE], f]));
    const chosen = new Set(unit.area?.communes ?? []);
    const isCommune = unit.kind === 'commune';
    const layerBoxes = [...ctx.catalogue.values()].map((layer) => {
      const box = h('input', { type: 'checkbox', name: 'layer', value: layer.name, checked: unit.layers.includes(layer.name) });
      return h('label', { class: 'check' }, [box, h('span', { text: localized(layer.title) })]);
    });
    const whole = h('input', { type: 'radio', name: 'area', value: 'city', checked: Boolean(unit.area?.wholeCity), disabled: isCommune });
    const some = h('input', { type: 'radio', name: 'area', value: 'communes', checked: !unit.area?.wholeCity, disabled: isCommune });
    const chosenList = h('ul', { class: 'chips', dataset: { testid: 'chosen-communes' } });
    const communeSelect = h('select', { name: 'commune', disabled: isCommune }, [
      h('option', { value: '', text: t('admin.addCommune') }),
      ...all.map((f) => h('option', { value: f.properties[COMMUNE_CODE], text: `${f.properties.name} (${f.properties[COMMUNE_CODE]})` })),
    ]);
    const status = h('select', { name: 'newRecordStatus' }, ['draft', 'submitted'].map((s) => h('option', { value: s, text: t(`status.${s}`), selected: unit.newRecordStatus === s })));
    const selfApprove = h('input', { type: 'checkbox', name: 'selfApprove', checked: unit.selfApprove, disabled: !CITY_LEVEL.includes(unit.kind) });
    const drawerNote = h('p', { class: 'message', hidden: true, dataset: { testid: 'scope-message' } });

    const showChosen = () => {
      replaceChildren(chosenList, [...chosen].sort().map((c) => h('li', { class: 'chip' }, [
        `${byCode.get(c)?.properties.name ?? c} (${c})`,
        isCommune ? null : h('button', { type: 'button', class: 'chip-remove', 'aria-label': t('admin.removeCommune', { commune: c }), text: '×', onclick: () => {
          chosen.delete(c);
          showChosen();
        } }),
      ])));
      ctx.editLayers.setScope([...chosen].map((c) => byCode.get(c)?.geometry).filter(Boolean));
      if (chosen.size) {
        some.checked = true;
      }
    };
    communeSelect.addEventListener('change', () => {
      if (communeSelect.value) {
        chosen.add(communeSelect.value);
        communeSelect.value = '';
        showChosen();
      }
    });

    let picking = null;
    const stopPicking = () => {
      if (picking) {
        ctx.map.un('singleclick', picking);
        ctx.map.set('picking', false);
        picking = null;
        pickButton.setAttribute('aria-pressed', 'false');
      }
    };
    const pickButton = button('admin.pickOnMap', () => {
      if (picking) {
        stopPicking();
        return;
      }
      picking = (event) => {
        const commune = communeAt(all, toLonLat(event.coordinate));
        if (commune) {
          const c = commune.properties[COMMUNE_CODE];
          if (chosen.has(c)) {
            chosen.delete(c);
          } else {
            chosen.add(c);
          }
          showChosen();
        }
      };
      ctx.map.set('picking', true);
      ctx.map.on('singleclick', picking);
      pickButton.setAttribute('aria-pressed', 'true');
    }, { kind: 'tool', disabled: isCommune });
    pickButton.setAttribute('aria-pressed', 'false');

    const save = async () => {
      const layers = layerBoxes.map((l) => l.querySelector('input')).filter((b) => b.checked).map((b) => b.value);
      const body = { layers, newRecordStatus: status.value, selfApprove: CITY_LEVEL.includes(unit.kind) ? selfApprove.checked : null };
      if (!isCommune) {
        if (whole.checked) {
          body.wholeCity = true;
        } else if (chosen.size) {
          body.wholeCity = false;
          body.communes = [...chosen];
        } else {
          message(drawerNote, t('admin.chooseCommunes'), 'error');
          return;
        }
      }
      try {
        await admin.setUnitScope(code, body);
        ctx.invalidateUnits();
        message(drawerNote, t('admin.scopeSaved'), 'ok');
        load();
      } catch (error) {
        message(drawerNote, describeError(error), 'error');
      }
    };

    openDrawer(t('admin.unitTitle', { unit: language() === 'en' ? unit.nameEn : unit.nameVi }), [
      h('p', { class: 'field-hint', text: `${unit.code} · ${t(`unitKind.${unit.kind}`)}${unit.communeCode ? ` · ${unit.communeCode}` : ''}` }),
      h('fieldset', {}, [h('legend', { text: t('admin.layers') }), ...layerBoxes]),
      h('fieldset', {}, [
        h('legend', { text: t('admin.area') }),
        // A commune works in its own boundary: the choices that do not apply to it are not shown.
        isCommune ? h('p', { class: 'field-hint', text: t('admin.communeOwnArea') }) : null,
        isCommune ? null : h('label', { class: 'check' }, [whole, h('span', { text: t('admin.wholeCity') })]),
        isCommune ? null : h('label', { class: 'check' }, [some, h('span', { text: t('admin.someCommunes') })]),
        chosenList,
        isCommune ? null : labelled(t('admin.addCommune'), communeSelect),
        isCommune ? null : pickButton,
        isCommune ? null : h('p', { class: 'field-hint', text: t('admin.pickHint') }),
      ]),
      labelled(t('admin.newRecordStatus'), status),
      CITY_LEVEL.includes(unit.kind) ? h('label', { class: 'check' }, [selfApprove, h('span', { text: t('admin.selfApprove') })]) : null,
      drawerNote,
      h('div', { class: 'actions' }, [button('cancel', closeDrawer), button('admin.saveScope', save, { kind: 'primary' })]),
    ], () => {
      stopPicking();
      ctx.editLayers.setScope(ctx.ownScopeGeometries?.() ?? []);
    }, 'unit');
    showChosen();
  }

  replaceChildren(container, [
    h('div', { class: 'actions' }, [button('admin.newUnit', () => openUnitForm(null, saved), { kind: 'primary' })]),
    labelled(t('admin.filterUnits'), filter),
    note,
    list,
  ]);
  load();
  return { refresh: load };
}
