// The unit's records of the chosen layer, newest first, with their status, the approver's last
// comment, and only the actions the server allows on each (account/permissions.js): edit or propose
// a change, submit, history, restore, delete.

import { h, replaceChildren } from '../core/dom.js';
import { localized, t } from '../core/i18n.js';
import { act, history, listRecords, recordIdOf, restoreRecord } from '../core/records.js';
import { button, confirmDialog, describeError } from '../core/ui.js';
import { recordActions } from '../account/permissions.js';
import { labelOf, renderDrafts } from './draftlist.js';
import { archive, editRecord, statusText } from './draftsession.js';

const MAX_LISTED = 60;
let listToken = 0;

/** Reloads the drafts and the unit's records. */
export async function refreshLists(p) {
  renderDrafts(p);
  const token = ++listToken;
  const { layerName } = p.state.get();
  const entry = p.layerOf(layerName);
  const { account } = p.ctx;
  replaceChildren(p.recordsBox, [h('h3', { text: t('edit.unitRecords', { layer: localized(entry.title) }) }), h('p', { class: 'field-hint', text: t('loading') })]);
  try {
    const all = await listRecords(layerName);
    if (token !== listToken) {
      return;
    }
    const mine = all.filter((f) => account.role === 'administrator' || f.properties.owner_unit === account.unit.code)
      .sort((a, b) => recordIdOf(b.id) - recordIdOf(a.id)).slice(0, MAX_LISTED);
    const comments = await latestComments(layerName, mine.filter((f) => ['rejected', 'approved', 'published'].includes(f.properties.status)).slice(0, 10));
    if (token !== listToken) {
      return;
    }
    replaceChildren(p.recordsBox, [
      h('h3', { text: t('edit.unitRecords', { layer: localized(entry.title) }) }),
      mine.length === 0 ? h('p', { class: 'field-hint', text: t('edit.noRecords') }) : h('ul', { class: 'item-list' }, mine.map((f) => recordItem(p, entry, f, comments.get(f.id)))),
    ]);
  } catch (error) {
    replaceChildren(p.recordsBox, [h('p', { class: 'message error', text: describeError(error) })]);
  }
}

async function latestComments(layerName, features) {
  const comments = new Map();
  await Promise.all(features.map(async (f) => {
    try {
      const entries = (await history(layerName, recordIdOf(f.id))).entries ?? [];
      const last = [...entries].reverse().find((e) => e.action === 'reject' || e.action === 'approve');
      if (last?.comment) {
        comments.set(f.id, { comment: last.comment, user: last.user });
      }
    } catch {
      // The comment is a courtesy; the list stands without it.
    }
  }));
  return comments;
}

function recordItem(p, entry, feature, comment) {
  const id = recordIdOf(feature.id);
  const props = feature.properties;
  const status = props.status;
  const allowed = recordActions(p.ctx.account, entry.name, props);
  const run = (work, key) => async () => {
    try {
      await work();
      p.say(key, 'ok', { id: feature.id });
      p.ctx.refreshLayer(entry.name);
      refreshLists(p);
    } catch (error) {
      p.sayError(error);
    }
  };
  const actions = [];
  if (allowed.edit) {
    actions.push(button(allowed.edit === 'propose' ? 'edit.propose' : 'edit.edit', () => editRecord(p, entry.name, id),
      { kind: 'small', title: allowed.edit === 'propose' ? t('edit.proposeHint') : null }));
  }
  if (allowed.submit) {
    actions.push(button('edit.submitShort', run(() => act(entry.name, id, 'submit', props.version, null), 'edit.submitted'), { kind: 'small' }));
  }
  if (allowed.history) {
    actions.push(button('edit.history', () => p.ctx.showHistory(entry.name, id), { kind: 'small' }));
  }
  if (allowed.restore) {
    const restore = run(() => restoreRecord(entry.name, id, props.version, null, null), 'edit.restored');
    actions.push(button('edit.restore', async () => {
      if (await confirmDialog(t('edit.restoreTitle'), t('edit.restoreText', { id: feature.id }), { confirmKey: 'edit.restore' })) {
        await restore();
      }
    }, { kind: 'small' }));
  }
  if (allowed.remove) {
    actions.push(button('edit.delete', () => archive(p, entry.name, id, props.version), { kind: 'small danger' }));
  }
  return h('li', { class: `item status-${status}`, dataset: { record: feature.id, status } }, [
    h('span', { class: 'item-title', text: labelOf(entry, props, feature.id) }),
    h('span', { class: 'item-meta' }, [h('span', { class: `badge ${status}`, text: statusText(status) }), ` ${feature.id} · v${props.version}`]),
    comment ? h('p', { class: 'item-comment', text: `${t('edit.comment')} (${comment.user}): ${comment.comment}` }) : null,
    h('div', { class: 'item-actions' }, actions),
  ]);
}
