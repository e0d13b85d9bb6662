// The "Biên tập" (editing) tab: choose a layer the unit may edit, give a geometry (draw, import a
// file, type coordinates), fill the attribute form, check everything, save as a draft or submit;
// the drafts kept in this browser and the unit's records with their status, the approver's comment,
// and what can be done next.
//
// One panel object `p` is shared by the parts: its explicit state (`p.state`: the layer chosen, the
// open draft, busy), the open draft's editor and form (`p.session`), and its elements. The parts:
// draftsession.js (the open draft: open, check, save, delete, import, typed coordinates, clip),
// workview.js (the work area and the tool bar), draftlist.js (drafts in this browser, submit several),
// recordlist.js (the unit's records and what may be done with each).

import { h } from '../core/dom.js';
import { localized, onLanguageChange, t } from '../core/i18n.js';
import { createStore } from '../core/store.js';
import { describeError, message } from '../core/ui.js';
import { renderDrafts } from './draftlist.js';
import { DraftStore, browserStorage } from './drafts.js';
import { close, editRecord, open } from './draftsession.js';
import { refreshLists } from './recordlist.js';
import { renderTools, renderWork } from './workview.js';

/**
 * @param {HTMLElement} container Tab panel.
 * @param {Object} ctx map, catalogue (Map), categories, editLayers, account, capabilities, scope,
 *   refreshLayer(name), showHistory(layer, id).
 * @return {{editRecord: function(string, number): Promise<void>, refresh: function(): Promise<void>, destroy: function(): void, state: function(): Object}}
 */
export function createEditPanel(container, ctx) {
  const editable = ctx.capabilities.layers.filter((name) => ctx.catalogue.has(name));
  const remembered = sessionStorage.getItem('envgis.editLayer');
  const note = h('p', { class: 'message', hidden: true, dataset: { testid: 'edit-message' } });
  const p = {
    ctx,
    container,
    editable,
    store: new DraftStore(browserStorage(), ctx.account.userName),
    state: createStore({ layerName: editable.includes(remembered) ? remembered : editable[0], draftId: null, busy: false }),
    /** The open draft, its geometry editor and form; what the last check found. */
    session: { draft: null, editor: null, form: null, attachBox: null, dirty: false, problems: [] },
    note,
    problemList: h('ul', { class: 'problems', dataset: { testid: 'geometry-problems' } }),
    workBox: h('div', { class: 'work' }),
    toolsBox: h('div', { class: 'tools', role: 'toolbar' }),
    draftsBox: h('div', { class: 'drafts' }),
    recordsBox: h('div', { class: 'records' }),
    layerOf: (name) => ctx.catalogue.get(name),
    categoryTitle: (entry) => localized(ctx.categories.find((c) => c.id === entry.category)?.title),
    say: (key, kind = 'info', params) => message(note, key ? t(key, params) : '', kind),
    sayError: (error) => message(note, describeError(error), 'error'),
  };

  // Render functions of the state: the layer chosen drives the lists and snapping; busy disables the work's buttons.
  const unsubscribe = p.state.subscribe((state, previous) => {
    if (state.layerName !== previous.layerName || state === previous) {
      ctx.editLayers.setSnapLayer(state.layerName);
      refreshLists(p);
    }
    if (state.draftId !== previous.draftId) {
      renderWork(p);
      renderDrafts(p);
    }
    p.workBox.querySelectorAll('button').forEach((b) => {
      b.disabled = state.busy;
    });
    container.setAttribute('aria-busy', String(state.busy));
  });
  container.replaceChildren(p.workBox, p.draftsBox, p.recordsBox);
  renderWork(p);

  const stopLanguage = onLanguageChange(() => {
    if (p.session.draft) {
      open(p, p.session.draft.id);
    } else {
      renderWork(p);
    }
    refreshLists(p);
  });

  // Ctrl+Z / Cmd+Z undo while editing (not inside form fields).
  const onKey = (event) => {
    const { editor } = p.session;
    if (editor && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName)) {
      event.preventDefault();
      editor.undo();
      renderTools(p);
    }
  };
  document.addEventListener('keydown', onKey);

  return {
    editRecord: (layer, id) => editRecord(p, layer, id),
    refresh: () => refreshLists(p),
    destroy() {
      document.removeEventListener('keydown', onKey);
      stopLanguage();
      unsubscribe();
      close(p, false);
      container.replaceChildren();
    },
    /** For tests and the console: the open draft, the editor, unsaved changes, problems. */
    state: () => ({ draft: p.session.draft, editor: p.session.editor, dirty: p.session.dirty, problems: p.session.problems }),
  };
}
