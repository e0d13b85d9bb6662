// The drafts kept in this browser (drafts.js), newest first, each opened with one click; and, when
// several new drafts of the layer wait (e.g. after an import), submitting them all at once.

import { h, replaceChildren } from '../core/dom.js';
import { localized, t } from '../core/i18n.js';
import { button, confirmDialog } from '../core/ui.js';
import { submitDrafts } from './bulksubmit.js';
import { open } from './draftsession.js';
import { refreshLists } from './recordlist.js';

const MAX_LISTED = 60;

/** The name of a draft or record: its label attribute, else the fallback. */
export function labelOf(entry, texts, fallback) {
  const label = entry?.labelAttribute ? texts?.[entry.labelAttribute] : '';
  return label && String(label).trim() ? String(label) : fallback;
}

const waiting = (p) => {
  const { layerName } = p.state.get();
  return p.store.list().filter((d) => d.layer === layerName && d.recordId === null && p.session.draft?.id !== d.id);
};

async function submitAll(p) {
  const entry = p.layerOf(p.state.get().layerName);
  const candidates = waiting(p);
  if (!await confirmDialog(t('edit.submitAllTitle'), t('edit.submitAllText', { count: String(candidates.length) }), { confirmKey: 'edit.submitAllConfirm' })) {
    return;
  }
  p.state.set({ busy: true });
  try {
    const result = await submitDrafts(p.store, candidates, entry, p.ctx.scope);
    p.say('edit.submittedAll', result.failed.length ? 'error' : 'ok', { sent: String(result.sent.length), kept: String(result.kept) });
    p.ctx.refreshLayer(entry.name);
    refreshLists(p);
  } finally {
    p.state.set({ busy: false });
  }
}

/** The list of drafts. */
export function renderDrafts(p) {
  const drafts = p.store.list();
  const current = p.session.draft?.id;
  const newOnes = waiting(p).length;
  replaceChildren(p.draftsBox, drafts.length === 0 ? [] : [
    h('h3', { text: t('edit.localDrafts', { count: String(drafts.length) }) }),
    h('p', { class: 'field-hint', text: t('edit.localDraftsHint') }),
    newOnes > 1 ? h('div', { class: 'actions' }, [button('edit.submitAll', () => submitAll(p), { kind: 'primary', params: { count: String(newOnes) } })]) : null,
    h('ul', { class: 'item-list' }, drafts.slice(0, MAX_LISTED).map((d) => {
      const entry = p.layerOf(d.layer);
      const name = labelOf(entry, d.texts, d.recordId ? `${d.layer}.${d.recordId}` : t('edit.untitled'));
      return h('li', { class: `item${current === d.id ? ' current' : ''}`, dataset: { draft: d.id } }, [
        h('span', { class: 'item-title', text: name }),
        h('span', { class: 'item-meta', text: `${localized(entry?.title)}${d.origin?.startsWith('import:') ? ` · ${d.origin.slice(7)}` : ''}` }),
        current === d.id ? null : button('edit.open', () => open(p, d.id), { kind: 'small' }),
      ]);
    })),
  ]);
}
