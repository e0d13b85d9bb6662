// The work area of the editing tab: with no draft open, the layer to edit and how to start (draw,
// import, type coordinates); with one open, its title and status, the drawing tools, the problems
// found, the form, its documents and the save/submit/delete/close buttons.

import { h, replaceChildren } from '../core/dom.js';
import { localized, t } from '../core/i18n.js';
import { button, confirmDialog, describeError } from '../core/ui.js';
import { recordActions } from '../account/permissions.js';
import { attachmentSection } from '../map/attachments.js';
import { close, importDrafts, newDraft, remove, save, statusText, typeCoordinates } from './draftsession.js';

const MODES = [
  ['draw', 'edit.modeDraw'],
  ['hole', 'edit.modeHole'],
  ['modify', 'edit.modeModify'],
  ['move', 'edit.modeMove'],
];

function layerSelect(p) {
  const { layerName } = p.state.get();
  const select = h('select', { id: 'edit-layer', name: 'layer' }, p.editable.map((name) =>
    h('option', { value: name, text: localized(p.layerOf(name).title), selected: name === layerName })));
  select.addEventListener('change', () => {
    sessionStorage.setItem('envgis.editLayer', select.value);
    p.state.set({ layerName: select.value });
  });
  select.disabled = Boolean(p.session.draft);
  return h('div', { class: 'field' }, [h('label', { for: 'edit-layer', text: t('edit.layer') }), select]);
}

function scopeText(scope) {
  if (!scope || scope.none) {
    return '';
  }
  return scope.wholeCity ? t('edit.scopeCity') : t('edit.scopeCommunes', { communes: scope.names.join(', ') });
}

/** The drawing tools of the open draft. */
export function renderTools(p) {
  const { editor, draft } = p.session;
  if (!editor) {
    replaceChildren(p.toolsBox, []);
    return;
  }
  const kind = p.layerOf(draft.layer).geometryType;
  const modes = MODES.filter(([mode]) => mode !== 'hole' || kind === 'MultiPolygon');
  replaceChildren(p.toolsBox, [
    ...modes.map(([mode, key]) => {
      const b = button(key, () => {
        editor.setMode(editor.mode() === mode ? 'none' : mode);
        renderTools(p);
      }, { kind: 'tool', dataset: { mode } });
      b.setAttribute('aria-pressed', String(editor.mode() === mode));
      return b;
    }),
    button('edit.undo', () => {
      if (!editor.undo()) {
        p.say('edit.nothingToUndo');
      }
      renderTools(p);
    }, { kind: 'tool', title: t('edit.undoHint') }),
    button('edit.clearGeometry', () => editor.clear(), { kind: 'tool' }),
    button('edit.coordinates', () => typeCoordinates(p), { kind: 'tool' }),
    button('edit.zoomTo', () => editor.zoomTo(), { kind: 'tool' }),
  ]);
}

/** The work area. */
export function renderWork(p) {
  const s = p.session;
  const { ctx } = p;
  if (!s.draft) {
    replaceChildren(p.workBox, [
      layerSelect(p),
      ctx.scope?.none ? h('p', { class: 'message error', text: t('edit.noScope') }) : null,
      h('div', { class: 'actions' }, [
        button('edit.new', () => newDraft(p, null, {}, 'draw'), { kind: 'primary' }),
        button('edit.import', () => importDrafts(p)),
        button('edit.coordinates', () => typeCoordinates(p)),
      ]),
      h('p', { class: 'field-hint', text: scopeText(ctx.scope) }),
      p.note,
    ]);
    return;
  }
  const entry = p.layerOf(s.draft.layer);
  const title = s.draft.recordId === null ? t('edit.newRecord') : t('edit.editing', { id: `${entry.name}.${s.draft.recordId}` });
  // Documents belong to a saved record: the section appears once the draft has been saved.
  if (!s.attachBox && s.draft.recordId !== null) {
    s.attachBox = attachmentSection(s.draft.layer, s.draft.recordId, { editable: true, confirm: confirmDialog, describe: describeError });
  }
  const proposing = ['approved', 'published'].includes(s.draft.status)
    && recordActions(ctx.account, s.draft.layer, { status: s.draft.status, owner_unit: ctx.account.unit.code }).edit === 'propose';
  renderTools(p);
  replaceChildren(p.workBox, [
    h('h3', { class: 'work-title', text: `${title} — ${localized(entry.title)}` }),
    s.draft.status ? h('p', { class: 'record-status', text: `${t('status')}: ${statusText(s.draft.status)}` }) : null,
    proposing ? h('p', { class: 'message info', dataset: { testid: 'propose-note' }, text: t('edit.proposeNote') }) : null,
    h('p', { class: 'field-hint', text: t(`edit.hint.${entry.geometryType}`) }),
    p.toolsBox,
    p.problemList,
    p.note,
    s.form.element,
    s.attachBox,
    h('div', { class: 'actions sticky' }, [
      button('edit.saveDraft', () => save(p, false)),
      button(proposing ? 'edit.proposeSubmit' : 'edit.submit', () => save(p, true), { kind: 'primary' }),
      button(s.draft.recordId === null ? 'edit.discard' : 'edit.delete', () => remove(p), { kind: 'danger' }),
      button('edit.close', () => {
        if (!s.dirty && s.draft.recordId !== null) {
          p.store.remove(s.draft.id);
        }
        close(p);
      }),
    ]),
  ]);
}
