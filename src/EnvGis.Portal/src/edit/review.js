// The approver's queue (Art. 7.2): records submitted for approval in the layers the unit may edit,
// each opened side by side with the last reviewed version (geometry on the map: before grey dashed,
// after blue; attributes in two columns with the changes marked), approved (and published at once
// when chosen) or rejected with a comment that the editor sees.

import { changedAttributes, columnLabel, geometryChanged, previousReviewedState } from './changes.js';
import { h, replaceChildren } from '../core/dom.js';
import { closeDrawer, fitBesideDrawer, openDrawer } from '../core/drawer.js';
import { displayValue } from './historyview.js';
import { localized, onLanguageChange, t } from '../core/i18n.js';
import { act, history, listRecords, recordIdOf } from '../core/records.js';
import { readGeometry } from './editlayers.js';
import { button, describeError, message, promptDialog } from '../core/ui.js';

/**
 * @param {HTMLElement} container Tab panel.
 * @param {Object} ctx map, catalogue, capabilities, account, editLayers, refreshLayer(name).
 */
export function createReviewPanel(container, ctx) {
  const note = h('p', { class: 'message', hidden: true, dataset: { testid: 'review-message' } });
  const list = h('div', { class: 'queue' });
  const publishNow = h('input', { type: 'checkbox', id: 'review-publish', checked: true });

  async function load() {
    replaceChildren(list, [h('p', { class: 'field-hint', text: t('loading') })]);
    const layers = ctx.capabilities.layers.filter((name) => ctx.catalogue.has(name));
    try {
      const results = await Promise.all(layers.map(async (name) => [name, await listRecords(name, { status: 'submitted' }), await listRecords(name, { status: 'approved' })]));
      const items = [];
      for (const [name, submitted, approved] of results) {
        const mine = (f) => ctx.account.role === 'administrator' || f.properties.owner_unit === ctx.account.unit.code;
        for (const f of submitted.filter(mine)) {
          items.push(queueItem(name, f));
        }
        for (const f of approved.filter(mine)) {
          items.push(queueItem(name, f));
        }
      }
      replaceChildren(list, items.length ? [h('ul', { class: 'item-list' }, items)] : [h('p', { class: 'field-hint', text: t('review.empty') })]);
    } catch (error) {
      replaceChildren(list, [h('p', { class: 'message error', text: describeError(error) })]);
    }
  }

  function queueItem(layerName, feature) {
    const layer = ctx.catalogue.get(layerName);
    const p = feature.properties;
    const label = layer.labelAttribute && p[layer.labelAttribute] ? String(p[layer.labelAttribute]) : feature.id;
    return h('li', { class: `item status-${p.status}`, dataset: { record: feature.id, status: p.status } }, [
      h('span', { class: 'item-title', text: label }),
      h('span', { class: 'item-meta', text: `${localized(layer.title)} · ${feature.id} · ${p.updated_by ?? ''}` }),
      h('div', { class: 'item-actions' }, [
        button(p.status === 'approved' ? 'review.openApproved' : 'review.open', () => openItem(layerName, feature), { kind: 'small primary' }),
      ]),
    ]);
  }

  async function openItem(layerName, feature) {
    const layer = ctx.catalogue.get(layerName);
    const id = recordIdOf(feature.id);
    const title = t('review.title', { id: feature.id });
    openDrawer(title, [h('p', { text: t('loading') })], () => ctx.editLayers.showCompare([]), 'review');
    let entries = [];
    try {
      entries = (await history(layerName, id)).entries ?? [];
    } catch (error) {
      message(note, describeError(error), 'error');
    }
    const previous = previousReviewedState(entries);
    const changes = changedAttributes(previous?.properties ?? null, feature.properties);
    const changed = new Set(changes.map((c) => c.name));
    const names = [...(layer.attributes ?? []).map((a) => a.name), 'valid_from', 'valid_to', 'source', 'citation', 'restricted'];
    const rows = names.map((name) => h('tr', { class: changed.has(name) ? 'changed' : '' }, [
      h('th', { scope: 'row', text: columnLabel(layer, name, localized, t) }),
      h('td', { text: previous ? displayValue(layer, name, previous.properties[name]) : '—' }),
      h('td', { text: displayValue(layer, name, feature.properties[name]) }),
    ]));
    const geometryMoved = !previous || geometryChanged(previous.geometry, feature.geometry);

    const drawerNote = h('p', { class: 'message', hidden: true, dataset: { testid: 'review-decision' } });
    const decide = async (action) => {
      const comment = await promptDialog(t(action === 'approve' ? 'review.approveTitle' : 'review.rejectTitle'), t('review.comment'),
        { required: action === 'reject', confirmKey: action === 'approve' ? 'review.approve' : 'review.reject' });
      if (comment === null) {
        return;
      }
      try {
        let result = await act(layerName, id, action, feature.properties.version, comment);
        if (action === 'approve' && publishNow.checked) {
          result = await act(layerName, id, 'publish', result.properties.version, comment);
        }
        ctx.refreshLayer(layerName);
        closeDrawer();
        message(note, t(`review.done.${result.properties.status}`, { id: feature.id }), 'ok');
        load();
      } catch (error) {
        message(drawerNote, describeError(error), 'error');
      }
    };
    const publish = async () => {
      try {
        await act(layerName, id, 'publish', feature.properties.version, null);
        ctx.refreshLayer(layerName);
        closeDrawer();
        message(note, t('review.done.published', { id: feature.id }), 'ok');
        load();
      } catch (error) {
        message(drawerNote, describeError(error), 'error');
      }
    };
    openDrawer(title, [
      h('p', { class: 'field-hint', text: previous ? t('review.comparedWith', { version: String(previous.entry.version) }) : t('review.newRecord') }),
      h('p', { class: 'field-hint', text: `${t('review.geometry')}: ${geometryMoved ? t('review.geometryChanged') : t('review.geometrySame')} — ${t('review.legend')}` }),
      h('table', { class: 'compare' }, [
        h('thead', {}, [h('tr', {}, [h('th', { text: '' }), h('th', { scope: 'col', text: t('review.before') }), h('th', { scope: 'col', text: t('review.after') })])]),
        h('tbody', {}, rows),
      ]),
      drawerNote,
      feature.properties.status === 'submitted'
        ? h('div', { class: 'actions' }, [
          h('label', { class: 'check', for: 'review-publish' }, [publishNow, h('span', { text: t('review.publishNow') })]),
          button('review.reject', () => decide('reject'), { kind: 'danger' }),
          button('review.approve', () => decide('approve'), { kind: 'primary' }),
        ])
        : h('div', { class: 'actions' }, [button('review.publish', publish, { kind: 'primary' })]),
    ], () => ctx.editLayers.showCompare([]), 'review');
    ctx.editLayers.showCompare([
      previous ? { geometry: previous.geometry, role: 'before', label: t('review.before') } : null,
      { geometry: feature.geometry, role: 'after', label: t('review.after') },
    ].filter(Boolean));
    fitBesideDrawer(ctx.map, readGeometry(feature.geometry).getExtent());
  }

  replaceChildren(container, [
    h('p', { class: 'field-hint', text: t('review.intro') }),
    h('div', { class: 'actions' }, [button('review.reload', load)]),
    note,
    list,
  ]);
  load();
  const stopLanguage = onLanguageChange(() => load());
  return {
    refresh: load,
    destroy() {
      stopLanguage();
      container.replaceChildren();
    },
  };
}
