// What changed between two states of a record (history entries, the review's previous and new
// versions): attribute by attribute with the catalogue's labels and formatted values, and whether
// the geometry changed. Pure: no DOM.

/** Columns the system keeps: never listed as changes (the status is shown on its own). */
const SYSTEM = new Set(['id', 'version', 'status', 'created_at', 'created_by', 'updated_at', 'updated_by', 'owner_unit', 'commune_code']);

/**
 * @param {?Object} before Properties before (null for a new record).
 * @param {?Object} after Properties after.
 * @return {Array<{name: string, before: any, after: any}>} Changed columns, in a stable order.
 */
export function changedAttributes(before, after) {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out = [];
  for (const name of names) {
    if (SYSTEM.has(name)) {
      continue;
    }
    const a = before?.[name] ?? null;
    const b = after?.[name] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push({ name, before: a, after: b });
    }
  }
  return out.sort((x, y) => x.name.localeCompare(y.name));
}

/** Whether two GeoJSON geometries differ. */
export function geometryChanged(before, after) {
  return JSON.stringify(before ?? null) !== JSON.stringify(after ?? null);
}

/**
 * The state a submitted record is compared with: the last reviewed (approved or published) state
 * before its latest submission, else nothing (a new record).
 * @param {Array<Object>} entries History entries, oldest first (records API).
 * @return {?{properties: Object, geometry: Object, entry: Object}} The previous reviewed state.
 */
export function previousReviewedState(entries) {
  const list = entries ?? [];
  let lastSubmit = list.length;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].action === 'submit' || (list[i].toStatus === 'submitted' && list[i].fromStatus !== 'submitted')) {
      lastSubmit = i;
      break;
    }
  }
  for (let i = lastSubmit - 1; i >= 0; i--) {
    const after = list[i].after;
    if (after && (after.properties?.status === 'published' || after.properties?.status === 'approved')) {
      return { properties: after.properties, geometry: after.geometry, entry: list[i] };
    }
  }
  return null;
}

/** The label of a column: the catalogue's for attributes, else an i18n key for metadata. */
export function columnLabel(layer, name, localized, t) {
  const attribute = layer?.attributes?.find((a) => a.name === name);
  if (attribute) {
    return localized(attribute.label) || name;
  }
  const keys = { valid_from: 'validFrom', valid_to: 'validTo', source: 'source', citation: 'citation', restricted: 'restricted' };
  return keys[name] ? t(keys[name]) : name;
}
