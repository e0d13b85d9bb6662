// The open draft of the editing tab (editpanel.js): opening a draft or a record, the geometry checks
// (validity and the unit's area, shown on the map), saving and submitting, deleting or discarding,
// new drafts from drawing, a file or typed coordinates, and clipping a shape to the unit's area.

import { h, replaceChildren } from '../core/dom.js';
import { has, t } from '../core/i18n.js';
import { act, archiveRecord, createRecord, getRecord, recordIdOf, replaceRecord } from '../core/records.js';
import { button, confirmDialog } from '../core/ui.js';
import { clipToScope } from './clip.js';
import { openCoordinateDialog } from './coordview.js';
import { renderDrafts } from './draftlist.js';
import { GeometryEditor } from './drawtools.js';
import { defaultTexts, fieldsFor, textsFromProperties, textsFromRecord } from './forms.js';
import { createForm } from './formview.js';
import { checkGeometry, firstPositionOutside } from './geomcheck.js';
import { openImportDialog } from './importview.js';
import { refreshLists } from './recordlist.js';
import { renderTools, renderWork } from './workview.js';

export const statusText = (status) => (has(`status.${status}`) ? t(`status.${status}`) : String(status ?? ''));

/** Opens a draft of the store by its id. */
export function open(p, id) {
  close(p, false);
  const s = p.session;
  s.draft = p.store.get(id);
  if (!s.draft) {
    p.state.set({ draftId: null });
    renderWork(p);
    return;
  }
  const entry = p.layerOf(s.draft.layer);
  if (!entry) {
    p.say('edit.layerGone', 'error');
    return;
  }
  p.state.set({ layerName: s.draft.layer });
  p.ctx.editLayers.setSnapLayer(s.draft.layer);
  s.editor = new GeometryEditor(p.ctx.map, p.ctx.editLayers, entry.geometryType, (geometry) => onGeometry(p, geometry), (key) => p.say(key, 'error'));
  s.editor.onModeChange = () => renderTools(p);
  s.editor.setGeometry(s.draft.geometry, { remember: false });
  s.editor.undoStack = [];
  s.form = createForm(entry, s.draft.texts, (texts) => {
    s.dirty = true;
    p.store.update(s.draft.id, { texts, dirty: true });
  }, { categoryTitle: p.categoryTitle(entry) });
  s.dirty = s.draft.recordId === null || Boolean(s.draft.dirty);
  p.state.set({ draftId: s.draft.id });
  renderWork(p);
  if (s.draft.geometry) {
    s.editor.zoomTo();
    s.editor.setMode('modify');
  } else {
    s.editor.setMode('draw');
  }
  renderWork(p);
  check(p, s.draft.geometry);
}

/** Closes the open draft (it stays in the store). */
export function close(p, rerender = true) {
  const s = p.session;
  s.editor?.destroy();
  Object.assign(s, { editor: null, form: null, attachBox: null, draft: null, problems: [] });
  p.ctx.editLayers.showProblems([], null);
  replaceChildren(p.problemList, []);
  if (rerender) {
    p.state.set({ draftId: null });
    renderWork(p);
    renderDrafts(p);
  }
}

function onGeometry(p, geometry) {
  const s = p.session;
  if (!s.draft) {
    return;
  }
  s.dirty = true;
  try {
    p.store.update(s.draft.id, { geometry, dirty: true });
  } catch (error) {
    p.say(error.message, 'error');
  }
  check(p, geometry);
  renderTools(p);
}

/** Validity and scope, shown on the map and listed; returns the problems. */
export function check(p, geometry) {
  const scope = p.ctx.scope;
  let problems = geometry ? checkGeometry(geometry) : [];
  if (geometry && problems.length === 0 && scope && !scope.wholeCity) {
    const outside = scope.none ? null : firstPositionOutside(geometry, scope.polygons);
    if (scope.none || outside) {
      problems = [{ key: 'geom.outsideScope', part: null, at: outside }];
    }
  }
  p.session.problems = problems;
  p.ctx.editLayers.showProblems(problems, geometry);
  replaceChildren(p.problemList, problems.map((problem) => h('li', { class: 'problem', dataset: { key: problem.key } }, [
    t(problem.key, { communes: scope?.names?.join(', ') ?? '' }),
    problem.at ? ` (${problem.at[1].toFixed(6)}, ${problem.at[0].toFixed(6)})` : '',
    problem.key === 'geom.outsideScope' && scope?.polygons?.length && p.layerOf(p.session.draft?.layer)?.geometryType === 'MultiPolygon'
      ? button('edit.clip', () => clip(p), { kind: 'small', dataset: { testid: 'clip' } }) : null,
  ])));
  return problems;
}

/** Cuts away what lies outside the unit's communes (polygon layers). */
export function clip(p) {
  const { editor } = p.session;
  const result = clipToScope(editor?.geometry(), p.ctx.scope?.polygons ?? []);
  if (!result.geometry) {
    p.say('edit.clipNothingLeft', 'error');
    return;
  }
  if (result.changed) {
    editor.setGeometry(result.geometry);
    p.say('edit.clipped', 'ok');
  }
}

/** Saves the draft (create or replace), and submits it when asked. */
export async function save(p, submit) {
  const s = p.session;
  if (!s.draft || !s.form) {
    return;
  }
  const entry = p.layerOf(s.draft.layer);
  p.say(null);
  const { values, errors } = s.form.validate();
  if (Object.keys(errors).length) {
    p.say('edit.fixForm', 'error');
    return;
  }
  const geometry = s.editor.geometry();
  if (!geometry) {
    p.say('edit.noGeometry', 'error');
    return;
  }
  const found = check(p, geometry);
  if (found.length) {
    p.say(found[0].key === 'geom.outsideScope' ? 'edit.outsideScope' : 'edit.fixGeometry', 'error',
      { communes: p.ctx.scope?.names?.join(', ') ?? '' });
    return;
  }
  p.state.set({ busy: true });
  try {
    let feature;
    if (s.dirty || s.draft.recordId === null) {
      feature = s.draft.recordId === null
        ? await createRecord(entry.name, geometry, values)
        : await replaceRecord(entry.name, s.draft.recordId, s.draft.version, geometry, values);
      s.draft = p.store.update(s.draft.id, { recordId: recordIdOf(feature.id), version: feature.properties.version, status: feature.properties.status, dirty: false });
      s.dirty = false;
    }
    let status = s.draft.status;
    if (submit && (status === 'draft' || status === 'rejected')) {
      feature = await act(entry.name, s.draft.recordId, 'submit', s.draft.version, null);
      status = feature.properties.status;
      s.draft = p.store.update(s.draft.id, { version: feature.properties.version, status });
    }
    p.ctx.refreshLayer(entry.name);
    if (submit) {
      const done = s.draft;
      p.store.remove(done.id);
      close(p);
      p.say('edit.submitted', 'ok', { id: `${entry.name}.${done.recordId}` });
    } else {
      p.say('edit.saved', 'ok', { id: `${entry.name}.${s.draft.recordId}`, status: statusText(status) });
      renderWork(p);
    }
    refreshLists(p);
  } catch (error) {
    p.sayError(error);
    if (error.status === 409) {
      p.note.append(' ', button('edit.reload', () => reloadRecord(p), { kind: 'small' }));
    }
  } finally {
    p.state.set({ busy: false });
  }
}

async function reloadRecord(p) {
  const { draft } = p.session;
  if (!draft?.recordId) {
    return;
  }
  p.store.remove(draft.id);
  close(p);
  await editRecord(p, draft.layer, draft.recordId);
}

/** Discards a new draft, or deletes (archives) the record of an existing one. */
export async function remove(p) {
  const { draft } = p.session;
  if (!draft) {
    return;
  }
  if (draft.recordId === null) {
    if (await confirmDialog(t('edit.discardTitle'), t('edit.discardText'), { confirmKey: 'edit.discard', danger: true })) {
      p.store.remove(draft.id);
      close(p);
      p.say('edit.discarded', 'ok');
    }
    return;
  }
  await archive(p, draft.layer, draft.recordId, draft.version, draft);
}

/** Deletes (archives) a record after asking. */
export async function archive(p, layer, id, version, localDraft = null) {
  if (!await confirmDialog(t('edit.deleteTitle'), t('edit.deleteText', { id: `${layer}.${id}` }), { confirmKey: 'edit.delete', danger: true })) {
    return;
  }
  try {
    await archiveRecord(layer, id, version);
    if (localDraft) {
      p.store.remove(localDraft.id);
      close(p);
    }
    p.ctx.refreshLayer(layer);
    p.say('edit.deleted', 'ok', { id: `${layer}.${id}` });
    refreshLists(p);
  } catch (error) {
    p.sayError(error);
  }
}

/** A new draft of the chosen layer, opened at once. */
export function newDraft(p, geometry, texts, origin) {
  const layerName = p.state.get().layerName;
  try {
    const [made] = p.store.add([{ layer: layerName, geometry, texts: { ...defaultTexts(fieldsFor(p.layerOf(layerName))), ...texts }, origin }]);
    open(p, made.id);
  } catch (error) {
    p.say(error.message, 'error');
  }
}

/** Drafts from a file (one per feature). */
export async function importDrafts(p) {
  const entry = p.layerOf(p.state.get().layerName);
  const result = await openImportDialog(entry);
  if (!result) {
    return;
  }
  const fields = fieldsFor(entry);
  try {
    const made = p.store.add(result.features.map((f) => ({
      layer: entry.name,
      geometry: f.geometry,
      texts: { ...defaultTexts(fields), ...textsFromProperties(fields, f.properties) },
      origin: `import:${result.fileName}`,
    })));
    const params = { count: String(made.length), skipped: String(result.skipped + result.empty) };
    p.say('edit.imported', 'ok', params);
    renderDrafts(p);
    if (made.length) {
      open(p, made[made.length - 1].id);
      p.say('edit.imported', 'ok', params);
    }
  } catch (error) {
    p.say(error.message, 'error');
  }
}

/** Typed coordinates: the open draft's geometry, or a new draft. */
export async function typeCoordinates(p) {
  const { draft, editor } = p.session;
  const entry = p.layerOf(draft?.layer ?? p.state.get().layerName);
  const geometry = await openCoordinateDialog(entry.geometryType);
  if (!geometry) {
    return;
  }
  if (draft && editor) {
    editor.setGeometry(geometry);
    editor.zoomTo();
  } else {
    newDraft(p, geometry, {}, 'coordinates');
    p.session.editor?.zoomTo();
  }
}

/** Opens an existing record for editing (a local draft bound to its id and version). */
export async function editRecord(p, layer, id) {
  const existing = p.store.forRecord(layer, id);
  if (existing) {
    open(p, existing.id);
    return;
  }
  try {
    const feature = await getRecord(layer, id);
    const [made] = p.store.add([{
      layer,
      geometry: feature.geometry,
      texts: textsFromRecord(fieldsFor(p.layerOf(layer)), feature.properties),
      recordId: id,
      version: feature.properties.version,
      origin: 'record',
    }]);
    p.store.update(made.id, { status: feature.properties.status });
    open(p, made.id);
  } catch (error) {
    p.sayError(error);
  }
}
