// The "Biên tập" (editing) tab: choose a layer the unit may edit, give a geometry (draw, import a
// file, type coordinates), fill the attribute form, check everything, save as a draft or submit;
// the drafts kept in this browser and the unit's records with their status, the approver's comment,
// and what can be done next (edit, history, submit, delete, restore).

import { attachmentSection } from '../map/attachments.js';
import { h, replaceChildren } from '../core/dom.js';
import { GeometryEditor } from './drawtools.js';
import { DraftStore, browserStorage } from './drafts.js';
import { openCoordinateDialog } from './coordview.js';
import { createForm } from './formview.js';
import { textsFromProperties, textsFromRecord, defaultTexts, fieldsFor } from './forms.js';
import { checkGeometry, firstPositionOutside } from './geomcheck.js';
import { has, localized, onLanguageChange, t } from '../core/i18n.js';
import { openImportDialog } from './importview.js';
import { act, archiveRecord, createRecord, getRecord, history, listRecords, recordIdOf, replaceRecord, restoreRecord } from '../core/records.js';
import { button, confirmDialog, describeError, message } from '../core/ui.js';
import { recordActions } from '../account/permissions.js';
import { submitDrafts } from './bulksubmit.js';

const MODES = [
  ['draw', 'edit.modeDraw'],
  ['hole', 'edit.modeHole'],
  ['modify', 'edit.modeModify'],
  ['move', 'edit.modeMove'],
];
const MAX_LISTED = 60;

const statusText = (status) => (has(`status.${status}`) ? t(`status.${status}`) : String(status ?? ''));

/**
 * @param {HTMLElement} container Tab panel.
 * @param {Object} ctx map, catalogue (Map), categories, editLayers, account, scope, refreshLayer(name),
 *   showHistory(layer, id).
 */
export function createEditPanel(container, ctx) {
  const { map, catalogue, editLayers, account } = ctx;
  const store = new DraftStore(browserStorage(), account.userName);
  const editable = ctx.capabilities.layers.filter((name) => catalogue.has(name));
  let layerName = editable.includes(sessionStorage.getItem('envgis.editLayer')) ? sessionStorage.getItem('envgis.editLayer') : editable[0];
  /** @type {?Object} */
  let draft = null;
  let editor = null;
  let form = null;
  /** @type {?HTMLElement} The open record's documents (saved records only). */
  let attachBox = null;
  let dirty = false;
  let problems = [];
  const note = h('p', { class: 'message', hidden: true, dataset: { testid: 'edit-message' } });
  const problemList = h('ul', { class: 'problems', dataset: { testid: 'geometry-problems' } });
  const draftsBox = h('div', { class: 'drafts' });
  const recordsBox = h('div', { class: 'records' });
  const workBox = h('div', { class: 'work' });

  const layerOf = (name) => catalogue.get(name);
  const categoryTitle = (entry) => localized(ctx.categories.find((c) => c.id === entry.category)?.title);
  const say = (key, kind = 'info', params) => message(note, key ? t(key, params) : '', kind);
  const sayError = (error) => message(note, describeError(error), 'error');

  function labelOf(entry, texts, fallback) {
    const label = entry?.labelAttribute ? texts?.[entry.labelAttribute] : '';
    return label && String(label).trim() ? String(label) : fallback;
  }

  // ---- the open draft -------------------------------------------------------------------------

  function open(id) {
    close(false);
    draft = store.get(id);
    if (!draft) {
      renderWork();
      return;
    }
    const entry = layerOf(draft.layer);
    if (!entry) {
      say('edit.layerGone', 'error');
      return;
    }
    if (draft.layer !== layerName) {
      layerName = draft.layer;
      refreshLists();
    }
    editLayers.setSnapLayer(draft.layer);
    editor = new GeometryEditor(map, editLayers, entry.geometryType, onGeometry, (key) => say(key, 'error'));
    editor.onModeChange = () => renderTools();
    editor.setGeometry(draft.geometry, { remember: false });
    editor.undoStack = [];
    form = createForm(entry, draft.texts, (texts) => {
      dirty = true;
      store.update(draft.id, { texts, dirty: true });
    }, { categoryTitle: categoryTitle(entry) });
    dirty = draft.recordId === null || Boolean(draft.dirty);
    renderWork();
    if (draft.geometry) {
      editor.zoomTo();
      editor.setMode('modify');
    } else {
      editor.setMode('draw');
    }
    renderWork();
    check(draft.geometry);
  }

  function close(rerender = true) {
    editor?.destroy();
    editor = null;
    form = null;
    attachBox = null;
    draft = null;
    problems = [];
    editLayers.showProblems([], null);
    replaceChildren(problemList, []);
    if (rerender) {
      renderWork();
      renderDrafts();
    }
  }

  function onGeometry(geometry) {
    if (!draft) {
      return;
    }
    dirty = true;
    try {
      store.update(draft.id, { geometry, dirty: true });
    } catch (error) {
      say(error.message, 'error');
    }
    check(geometry);
    renderTools();
  }

  /** Validity and scope, shown on the map and listed; returns the problems. */
  function check(geometry) {
    problems = geometry ? checkGeometry(geometry) : [];
    if (geometry && problems.length === 0 && ctx.scope && !ctx.scope.wholeCity) {
      const outside = ctx.scope.none ? null : firstPositionOutside(geometry, ctx.scope.polygons);
      if (ctx.scope.none || outside) {
        problems = [{ key: 'geom.outsideScope', part: null, at: outside }];
      }
    }
    editLayers.showProblems(problems, geometry);
    replaceChildren(problemList, problems.map((p) => h('li', { class: 'problem', dataset: { key: p.key } }, [
      t(p.key, { communes: ctx.scope?.names?.join(', ') ?? '' }),
      p.at ? ` (${p.at[1].toFixed(6)}, ${p.at[0].toFixed(6)})` : '',
    ])));
    return problems;
  }

  async function save(submit) {
    if (!draft || !form) {
      return;
    }
    const entry = layerOf(draft.layer);
    say(null);
    const { values, errors } = form.validate();
    if (Object.keys(errors).length) {
      say('edit.fixForm', 'error');
      return;
    }
    const geometry = editor.geometry();
    if (!geometry) {
      say('edit.noGeometry', 'error');
      return;
    }
    const found = check(geometry);
    if (found.length) {
      say(found[0].key === 'geom.outsideScope' ? 'edit.outsideScope' : 'edit.fixGeometry', 'error',
        { communes: ctx.scope?.names?.join(', ') ?? '' });
      return;
    }
    setBusy(true);
    try {
      let feature;
      if (dirty || draft.recordId === null) {
        feature = draft.recordId === null
          ? await createRecord(entry.name, geometry, values)
          : await replaceRecord(entry.name, draft.recordId, draft.version, geometry, values);
        draft = store.update(draft.id, { recordId: recordIdOf(feature.id), version: feature.properties.version, status: feature.properties.status, dirty: false });
        dirty = false;
      }
      let status = draft.status;
      if (submit && (status === 'draft' || status === 'rejected')) {
        feature = await act(entry.name, draft.recordId, 'submit', draft.version, null);
        status = feature.properties.status;
        draft = store.update(draft.id, { version: feature.properties.version, status });
      }
      ctx.refreshLayer(entry.name);
      if (submit) {
        const done = draft;
        store.remove(done.id);
        close();
        say('edit.submitted', 'ok', { id: `${entry.name}.${done.recordId}` });
      } else {
        say('edit.saved', 'ok', { id: `${entry.name}.${draft.recordId}`, status: statusText(status) });
        renderWork();
      }
      refreshLists();
    } catch (error) {
      sayError(error);
      if (error.status === 409) {
        note.append(' ', button('edit.reload', () => reloadRecord(), { kind: 'small' }));
      }
    } finally {
      setBusy(false);
    }
  }

  async function reloadRecord() {
    if (!draft?.recordId) {
      return;
    }
    const { layer, recordId } = draft;
    store.remove(draft.id);
    close();
    await editRecord(layer, recordId);
  }

  async function remove() {
    if (!draft) {
      return;
    }
    if (draft.recordId === null) {
      if (await confirmDialog(t('edit.discardTitle'), t('edit.discardText'), { confirmKey: 'edit.discard', danger: true })) {
        store.remove(draft.id);
        close();
        say('edit.discarded', 'ok');
      }
      return;
    }
    await archive(draft.layer, draft.recordId, draft.version, draft);
  }

  async function archive(layer, id, version, localDraft = null) {
    if (!await confirmDialog(t('edit.deleteTitle'), t('edit.deleteText', { id: `${layer}.${id}` }), { confirmKey: 'edit.delete', danger: true })) {
      return;
    }
    try {
      await archiveRecord(layer, id, version);
      if (localDraft) {
        store.remove(localDraft.id);
        close();
      }
      ctx.refreshLayer(layer);
      say('edit.deleted', 'ok', { id: `${layer}.${id}` });
      refreshLists();
    } catch (error) {
      sayError(error);
    }
  }

  function setBusy(busy) {
    workBox.querySelectorAll('button').forEach((b) => {
      b.disabled = busy;
    });
    container.setAttribute('aria-busy', String(busy));
  }

  // ---- new drafts -------------------------------------------------------------------------------

  function newDraft(geometry, texts, origin) {
    try {
      const [made] = store.add([{ layer: layerName, geometry, texts: { ...defaultTexts(fieldsFor(layerOf(layerName))), ...texts }, origin }]);
      open(made.id);
    } catch (error) {
      say(error.message, 'error');
    }
  }

  async function importDrafts() {
    const entry = layerOf(layerName);
    const result = await openImportDialog(entry);
    if (!result) {
      return;
    }
    const fields = fieldsFor(entry);
    try {
      const made = store.add(result.features.map((f) => ({
        layer: entry.name,
        geometry: f.geometry,
        texts: { ...defaultTexts(fields), ...textsFromProperties(fields, f.properties) },
        origin: `import:${result.fileName}`,
      })));
      say('edit.imported', 'ok', { count: String(made.length), skipped: String(result.skipped + result.empty) });
      renderDrafts();
      if (made.length) {
        open(made[made.length - 1].id);
        say('edit.imported', 'ok', { count: String(made.length), skipped: String(result.skipped + result.empty) });
      }
    } catch (error) {
      say(error.message, 'error');
    }
  }

  async function typeCoordinates() {
    const entry = layerOf(draft?.layer ?? layerName);
    const geometry = await openCoordinateDialog(entry.geometryType);
    if (!geometry) {
      return;
    }
    if (draft && editor) {
      editor.setGeometry(geometry);
      editor.zoomTo();
    } else {
      newDraft(geometry, {}, 'coordinates');
      editor?.zoomTo();
    }
  }

  /** Opens an existing record for editing (a local draft bound to its id and version). */
  async function editRecord(layer, id) {
    const existing = store.forRecord(layer, id);
    if (existing) {
      open(existing.id);
      return;
    }
    try {
      const feature = await getRecord(layer, id);
      const [made] = store.add([{
        layer,
        geometry: feature.geometry,
        texts: textsFromRecord(fieldsFor(layerOf(layer)), feature.properties),
        recordId: id,
        version: feature.properties.version,
        origin: 'record',
      }]);
      store.update(made.id, { status: feature.properties.status });
      open(made.id);
    } catch (error) {
      sayError(error);
    }
  }

  // ---- rendering --------------------------------------------------------------------------------

  function layerSelect() {
    const select = h('select', { id: 'edit-layer', name: 'layer' }, editable.map((name) =>
      h('option', { value: name, text: localized(layerOf(name).title), selected: name === layerName })));
    select.addEventListener('change', () => {
      layerName = select.value;
      sessionStorage.setItem('envgis.editLayer', layerName);
      editLayers.setSnapLayer(layerName);
      refreshLists();
    });
    select.disabled = Boolean(draft);
    return h('div', { class: 'field' }, [h('label', { for: 'edit-layer', text: t('edit.layer') }), select]);
  }

  const toolsBox = h('div', { class: 'tools', role: 'toolbar' });
  function renderTools() {
    if (!editor) {
      replaceChildren(toolsBox, []);
      return;
    }
    const kind = layerOf(draft.layer).geometryType;
    const modes = MODES.filter(([mode]) => mode !== 'hole' || kind === 'MultiPolygon');
    replaceChildren(toolsBox, [
      ...modes.map(([mode, key]) => {
        const b = button(key, () => {
          editor.setMode(editor.mode() === mode ? 'none' : mode);
          renderTools();
        }, { kind: 'tool', dataset: { mode } });
        b.setAttribute('aria-pressed', String(editor.mode() === mode));
        return b;
      }),
      button('edit.undo', () => {
        if (!editor.undo()) {
          say('edit.nothingToUndo');
        }
        renderTools();
      }, { kind: 'tool', title: t('edit.undoHint') }),
      button('edit.clearGeometry', () => editor.clear(), { kind: 'tool' }),
      button('edit.coordinates', typeCoordinates, { kind: 'tool' }),
      button('edit.zoomTo', () => editor.zoomTo(), { kind: 'tool' }),
    ]);
  }

  function renderWork() {
    if (!draft) {
      replaceChildren(workBox, [
        layerSelect(),
        ctx.scope?.none ? h('p', { class: 'message error', text: t('edit.noScope') }) : null,
        h('div', { class: 'actions' }, [
          button('edit.new', () => newDraft(null, {}, 'draw'), { kind: 'primary' }),
          button('edit.import', importDrafts),
          button('edit.coordinates', typeCoordinates),
        ]),
        h('p', { class: 'field-hint', text: scopeText() }),
        note,
      ]);
      return;
    }
    const entry = layerOf(draft.layer);
    const title = draft.recordId === null ? t('edit.newRecord') : t('edit.editing', { id: `${entry.name}.${draft.recordId}` });
    // Documents belong to a saved record: the section appears once the draft has been saved.
    if (!attachBox && draft.recordId !== null) {
      attachBox = attachmentSection(draft.layer, draft.recordId, { editable: true, confirm: confirmDialog, describe: describeError });
    }
    renderTools();
    replaceChildren(workBox, [
      h('h3', { class: 'work-title', text: `${title} — ${localized(entry.title)}` }),
      draft.status ? h('p', { class: 'record-status', text: `${t('status')}: ${statusText(draft.status)}` }) : null,
      ['approved', 'published'].includes(draft.status) && recordActions(account, draft.layer, { status: draft.status, owner_unit: account.unit.code }).edit === 'propose'
        ? h('p', { class: 'message info', dataset: { testid: 'propose-note' }, text: t('edit.proposeNote') }) : null,
      h('p', { class: 'field-hint', text: t(`edit.hint.${entry.geometryType}`) }),
      toolsBox,
      problemList,
      note,
      form.element,
      attachBox,
      h('div', { class: 'actions sticky' }, [
        button('edit.saveDraft', () => save(false)),
        button('edit.submit', () => save(true), { kind: 'primary' }),
        button(draft.recordId === null ? 'edit.discard' : 'edit.delete', remove, { kind: 'danger' }),
        button('edit.close', () => {
          if (!dirty && draft.recordId !== null) {
            store.remove(draft.id);
          }
          close();
        }),
      ]),
    ]);
  }

  function scopeText() {
    if (!ctx.scope || ctx.scope.none) {
      return '';
    }
    return ctx.scope.wholeCity ? t('edit.scopeCity') : t('edit.scopeCommunes', { communes: ctx.scope.names.join(', ') });
  }

  async function submitAll() {
    const entry = layerOf(layerName);
    const candidates = store.list().filter((d) => d.layer === layerName && d.recordId === null && draft?.id !== d.id);
    if (!await confirmDialog(t('edit.submitAllTitle'), t('edit.submitAllText', { count: String(candidates.length) }), { confirmKey: 'edit.submitAll' })) {
      return;
    }
    const result = await submitDrafts(store, candidates, entry, ctx.scope);
    say('edit.submittedAll', result.failed.length ? 'error' : 'ok', { sent: String(result.sent.length), kept: String(result.kept) });
    ctx.refreshLayer(entry.name);
    refreshLists();
  }

  function renderDrafts() {
    const drafts = store.list();
    const newOnes = drafts.filter((d) => d.layer === layerName && d.recordId === null && draft?.id !== d.id).length;
    replaceChildren(draftsBox, drafts.length === 0 ? [] : [
      h('h3', { text: t('edit.localDrafts', { count: String(drafts.length) }) }),
      h('p', { class: 'field-hint', text: t('edit.localDraftsHint') }),
      newOnes > 1 ? h('div', { class: 'actions' }, [button('edit.submitAll', submitAll, { kind: 'primary', params: { count: String(newOnes) } })]) : null,
      h('ul', { class: 'item-list' }, drafts.slice(0, MAX_LISTED).map((d) => {
        const entry = layerOf(d.layer);
        const name = labelOf(entry, d.texts, d.recordId ? `${d.layer}.${d.recordId}` : t('edit.untitled'));
        return h('li', { class: `item${draft?.id === d.id ? ' current' : ''}`, dataset: { draft: d.id } }, [
          h('span', { class: 'item-title', text: name }),
          h('span', { class: 'item-meta', text: `${localized(entry?.title)}${d.origin?.startsWith('import:') ? ` · ${d.origin.slice(7)}` : ''}` }),
          draft?.id === d.id ? null : button('edit.open', () => open(d.id), { kind: 'small' }),
        ]);
      })),
    ]);
  }

  let listToken = 0;
  async function refreshLists() {
    renderDrafts();
    const token = ++listToken;
    const entry = layerOf(layerName);
    replaceChildren(recordsBox, [h('h3', { text: t('edit.unitRecords', { layer: localized(entry.title) }) }), h('p', { class: 'field-hint', text: t('loading') })]);
    try {
      const all = await listRecords(layerName);
      if (token !== listToken) {
        return;
      }
      const mine = all.filter((f) => account.role === 'administrator' || f.properties.owner_unit === account.unit.code)
        .sort((a, b) => recordIdOf(b.id) - recordIdOf(a.id)).slice(0, MAX_LISTED);
      const comments = await latestComments(mine.filter((f) => ['rejected', 'approved', 'published'].includes(f.properties.status)).slice(0, 10));
      if (token !== listToken) {
        return;
      }
      replaceChildren(recordsBox, [
        h('h3', { text: t('edit.unitRecords', { layer: localized(entry.title) }) }),
        mine.length === 0 ? h('p', { class: 'field-hint', text: t('edit.noRecords') }) : h('ul', { class: 'item-list' }, mine.map((f) => recordItem(entry, f, comments.get(f.id)))),
      ]);
    } catch (error) {
      replaceChildren(recordsBox, [h('p', { class: 'message error', text: describeError(error) })]);
    }
  }

  async function latestComments(features) {
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

  function recordItem(entry, feature, comment) {
    const id = recordIdOf(feature.id);
    const p = feature.properties;
    const status = p.status;
    const allowed = recordActions(account, entry.name, p);
    const actions = [];
    if (allowed.edit) {
      actions.push(button(allowed.edit === 'propose' ? 'edit.propose' : 'edit.edit', () => editRecord(entry.name, id), { kind: 'small', title: allowed.edit === 'propose' ? t('edit.proposeHint') : null }));
    }
    if (allowed.submit) {
      actions.push(button('edit.submitShort', async () => {
        try {
          await act(entry.name, id, 'submit', p.version, null);
          say('edit.submitted', 'ok', { id: feature.id });
          ctx.refreshLayer(entry.name);
          refreshLists();
        } catch (error) {
          sayError(error);
        }
      }, { kind: 'small' }));
    }
    if (allowed.history) {
      actions.push(button('edit.history', () => ctx.showHistory(entry.name, id), { kind: 'small' }));
    }
    if (allowed.restore) {
      actions.push(button('edit.restore', async () => {
        if (!await confirmDialog(t('edit.restoreTitle'), t('edit.restoreText', { id: feature.id }), { confirmKey: 'edit.restore' })) {
          return;
        }
        try {
          await restoreRecord(entry.name, id, p.version, null, null);
          say('edit.restored', 'ok', { id: feature.id });
          ctx.refreshLayer(entry.name);
          refreshLists();
        } catch (error) {
          sayError(error);
        }
      }, { kind: 'small' }));
    }
    if (allowed.remove) {
      actions.push(button('edit.delete', () => archive(entry.name, id, p.version), { kind: 'small danger' }));
    }
    return h('li', { class: `item status-${status}`, dataset: { record: feature.id, status } }, [
      h('span', { class: 'item-title', text: labelOf(entry, p, feature.id) }),
      h('span', { class: 'item-meta' }, [h('span', { class: `badge ${status}`, text: statusText(status) }), ` ${feature.id} · v${p.version}`]),
      comment ? h('p', { class: 'item-comment', text: `${t('edit.comment')} (${comment.user}): ${comment.comment}` }) : null,
      h('div', { class: 'item-actions' }, actions),
    ]);
  }

  replaceChildren(container, [workBox, draftsBox, recordsBox]);
  editLayers.setSnapLayer(layerName);
  renderWork();
  refreshLists();
  const stopLanguage = onLanguageChange(() => {
    if (draft) {
      const id = draft.id;
      open(id);
    } else {
      renderWork();
    }
    refreshLists();
  });

  // Ctrl+Z / Cmd+Z undo while editing (not inside form fields).
  const onKey = (event) => {
    if (editor && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName)) {
      event.preventDefault();
      editor.undo();
      renderTools();
    }
  };
  document.addEventListener('keydown', onKey);

  return {
    editRecord,
    refresh: refreshLists,
    destroy() {
      document.removeEventListener('keydown', onKey);
      stopLanguage();
      close(false);
      container.replaceChildren();
    },
    /** For tests and the console: the open draft's id and the editor. */
    state: () => ({ draft, editor, dirty, problems }),
  };
}
