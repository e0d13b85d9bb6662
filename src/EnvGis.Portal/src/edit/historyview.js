// A record's history in the drawer: every version with the action, who, unit, when, channel, the
// status change, the comment and what changed; the geometry of any version on the map next to the
// current one; and restore of a version for those allowed to (the server decides; the button is
// offered to writers of the layer).

import { changedAttributes, columnLabel, geometryChanged } from './changes.js';
import { h } from '../core/dom.js';
import { fitBesideDrawer, openDrawer } from '../core/drawer.js';
import { readGeometry } from './editlayers.js';
import { formatValue } from '../core/format.js';
import { has, localized, t } from '../core/i18n.js';
import { getRecord, history, restoreRecord } from '../core/records.js';
import { button, confirmDialog, describeError, message } from '../core/ui.js';
import { mayRestoreVersion, restoreOutcome } from '../account/permissions.js';

const actionText = (action) => (has(`action.${action}`) ? t(`action.${action}`) : action);
const statusText = (status) => (status && has(`status.${status}`) ? t(`status.${status}`) : status ?? '—');

/** A value for people, with the catalogue's value labels. */
export function displayValue(layer, name, value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const attribute = layer?.attributes?.find((a) => a.name === name);
  const valueLabel = attribute?.valueLabels?.[value];
  if (valueLabel) {
    return localized(valueLabel);
  }
  const type = attribute?.type ?? (name.startsWith('valid_') ? 'date' : name === 'restricted' ? 'boolean' : 'text');
  return formatValue(value, type);
}

/**
 * Opens the history of a record.
 * @param {Object} ctx catalogue, editLayers, capabilities, refreshLayer(name), onRestored().
 */
export async function showHistory(ctx, layerName, id) {
  const layer = ctx.catalogue.get(layerName);
  const note = h('p', { class: 'message', hidden: true });
  const title = t('history.title', { id: `${layerName}.${id}` });
  openDrawer(title, [h('p', { text: t('loading') })], () => ctx.editLayers.showCompare([]), 'history');
  let record;
  let entries;
  try {
    [record, { entries }] = await Promise.all([getRecord(layerName, id), history(layerName, id)]);
  } catch (error) {
    openDrawer(title, [h('p', { class: 'message error', text: describeError(error) })], null, 'history');
    return;
  }
  // Offered only where the server allows it (an editor proposes changes to published records instead).
  const mayRestore = mayRestoreVersion(ctx.account, layerName, {
    status: record.properties.status,
    owner_unit: record.properties.owner_unit ?? ctx.account.unit.code,
  });

  const show = (entry, fit = false) => {
    if (fit) {
      fitBesideDrawer(ctx.map, readGeometry(record.geometry).getExtent());
    }
    ctx.editLayers.showCompare([
      { geometry: record.geometry, role: 'after', label: t('history.current') },
      entry?.after ? { geometry: entry.after.geometry, role: 'before', label: t('history.versionLabel', { version: String(entry.version) }) } : null,
    ].filter(Boolean));
  };

  const restore = async (entry) => {
    // What the restore does to the status comes with the history (Workflow.AfterRestore on the server,
    // docs/hardening.md): say it before the click.
    const text = `${t('history.restoreText', { version: String(entry.version) })} ${t(restoreOutcome(entry.onRestore))}`;
    if (!await confirmDialog(t('history.restoreTitle'), text, { confirmKey: 'history.restore' })) {
      return;
    }
    try {
      await restoreRecord(layerName, id, record.properties.version, entry.id, t('history.restoreComment', { version: String(entry.version) }));
      ctx.refreshLayer(layerName);
      ctx.onRestored?.(layerName, id);
      await showHistory(ctx, layerName, id);
      const drawerNote = document.querySelector('#drawer .history-note');
      if (drawerNote) {
        message(drawerNote, t('history.restored', { version: String(entry.version) }), 'ok');
      }
    } catch (error) {
      message(note, describeError(error), 'error');
    }
  };

  const items = [...entries].reverse().map((entry) => {
    const changes = changedAttributes(entry.before?.properties, entry.after?.properties);
    const geometryMoved = entry.before && entry.after && geometryChanged(entry.before.geometry, entry.after.geometry);
    const when = formatValue(entry.at, 'datetime');
    return h('li', { class: 'version', dataset: { version: String(entry.version), action: entry.action, entry: String(entry.id) } }, [
      h('p', { class: 'version-head' }, [
        h('strong', { text: `${t('history.version', { version: String(entry.version) })} · ${actionText(entry.action)}` }),
      ]),
      h('p', { class: 'version-meta', text: `${entry.user}${entry.unit ? ` (${entry.unit})` : ''} · ${when} · ${t('history.channel')}: ${has(`channel.${entry.channel}`) ? t(`channel.${entry.channel}`) : entry.channel}` }),
      entry.fromStatus !== entry.toStatus ? h('p', { class: 'version-status', text: `${statusText(entry.fromStatus)} → ${statusText(entry.toStatus)}` }) : null,
      entry.comment ? h('p', { class: 'version-comment', text: `${t('edit.comment')}: ${entry.comment}` }) : null,
      changes.length || geometryMoved ? h('ul', { class: 'version-changes' }, [
        ...changes.map((c) => h('li', { text: `${columnLabel(layer, c.name, localized, t)}: ${displayValue(layer, c.name, c.before)} → ${displayValue(layer, c.name, c.after)}` })),
        geometryMoved ? h('li', { text: t('history.geometryChanged') }) : null,
      ]) : null,
      h('div', { class: 'item-actions' }, [
        entry.after ? button('history.showOnMap', () => show(entry), { kind: 'small' }) : null,
        mayRestore && entry.after && entry.version !== record.properties.version
          ? button('history.restore', () => restore(entry), { kind: 'small' }) : null,
      ]),
    ]);
  });

  openDrawer(title, [
    h('p', { class: 'field-hint', text: t('history.legend') }),
    h('p', { class: 'history-note message', hidden: true }),
    note,
    h('ol', { class: 'versions', reversed: true }, items),
  ], () => ctx.editLayers.showCompare([]), 'history');
  show(null, true);
}
