// Submitting several drafts at once (e.g. after an import): each new draft of the layer whose form
// and geometry pass the same checks as one by one is created and submitted; the others stay in
// the browser, to be opened and corrected. One refusal does not stop the rest.

import { act, createRecord } from '../core/records.js';
import { fieldsFor, validateForm } from './forms.js';
import { checkGeometry, firstPositionOutside } from './geomcheck.js';

/**
 * Whether a draft can be sent as it is (pure, unit tested).
 * @param {Object} draft Draft (drafts.js).
 * @param {Object} entry Catalogue layer.
 * @param {?Object} scope The unit's scope (scope.js).
 * @return {?Object} {values} when it can, else null.
 */
export function readyToSend(draft, entry, scope) {
  if (!draft.geometry || draft.recordId !== null) {
    return null;
  }
  const { values, errors } = validateForm(fieldsFor(entry), draft.texts ?? {});
  if (Object.keys(errors).length || checkGeometry(draft.geometry).length) {
    return null;
  }
  if (scope && !scope.wholeCity && (scope.none || firstPositionOutside(draft.geometry, scope.polygons))) {
    return null;
  }
  return { values };
}

/**
 * @param {import('./drafts.js').DraftStore} store Drafts.
 * @param {Array<Object>} drafts The drafts to send.
 * @param {Object} entry Catalogue layer.
 * @param {?Object} scope Scope.
 * @return {Promise<{sent: Array<string>, kept: number, failed: Array<any>}>} Record ids sent, drafts kept, refusals.
 */
export async function submitDrafts(store, drafts, entry, scope) {
  const sent = [];
  const failed = [];
  let kept = 0;
  for (const draft of drafts) {
    const ready = readyToSend(draft, entry, scope);
    if (!ready) {
      kept += 1;
      continue;
    }
    try {
      let feature = await createRecord(entry.name, draft.geometry, ready.values);
      if (feature.properties.status === 'draft') {
        const id = Number(String(feature.id).split('.')[1]);
        feature = await act(entry.name, id, 'submit', feature.properties.version, null);
      }
      store.remove(draft.id);
      sent.push(feature.id);
    } catch (error) {
      failed.push(error);
      kept += 1;
    }
  }
  return { sent, kept, failed };
}
