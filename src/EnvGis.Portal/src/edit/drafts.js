// Drafts kept in the browser (localStorage) until the server has them: a drawn or imported geometry,
// the form's texts, and for an edit the record and version it started from. They belong to the user
// name they were made under, so nothing typed is lost when a session expires and the same user signs in
// again, and another user on the same browser does not see them.

const PREFIX = 'envgis.drafts.';
/** Most drafts kept per user (an import may add up to the import limit at once). */
export const MAX_DRAFTS = 600;

/**
 * @typedef {Object} Draft
 * @property {string} id Local id.
 * @property {string} layer Layer name.
 * @property {?Object} geometry GeoJSON geometry (EPSG:4326).
 * @property {Object<string, string>} texts Form texts by field name.
 * @property {?number} recordId The record being edited (null for a new one).
 * @property {?number} version The record's version the edit started from.
 * @property {?string} origin How the geometry came ('draw', 'import:<file>', 'coordinates', 'record').
 * @property {string} updatedAt ISO time of the last change.
 */

/** A store over a Storage (localStorage in the browser, a Map-backed stand-in in tests). */
export class DraftStore {
  /**
   * @param {Storage} storage Storage.
   * @param {string} userName The signed-in user.
   */
  constructor(storage, userName) {
    this.storage = storage;
    this.key = PREFIX + userName;
    this.listeners = new Set();
  }

  /** @return {Array<Draft>} Every draft, newest first. */
  list() {
    try {
      const drafts = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(drafts) ? drafts.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt))) : [];
    } catch {
      return [];
    }
  }

  /** @return {?Draft} One draft. */
  get(id) {
    return this.list().find((d) => d.id === id) ?? null;
  }

  /** The draft editing a given record, if any. */
  forRecord(layer, recordId) {
    return this.list().find((d) => d.layer === layer && d.recordId === recordId) ?? null;
  }

  /**
   * Adds drafts.
   * @param {Array<Partial<Draft>>} drafts New drafts (ids are made here).
   * @return {Array<Draft>} The stored drafts.
   * @throws {Error} 'drafts.full' when the store would hold too many, 'drafts.quota' when the browser
   *   refuses to store more.
   */
  add(drafts) {
    const current = this.list();
    if (current.length + drafts.length > MAX_DRAFTS) {
      throw new Error('drafts.full');
    }
    const now = new Date().toISOString();
    const made = drafts.map((draft) => ({
      id: newId(),
      layer: draft.layer,
      geometry: draft.geometry ?? null,
      texts: { ...(draft.texts ?? {}) },
      recordId: draft.recordId ?? null,
      version: draft.version ?? null,
      origin: draft.origin ?? null,
      updatedAt: now,
    }));
    this.write([...made, ...current]);
    return made;
  }

  /**
   * Changes a draft.
   * @param {string} id Draft id.
   * @param {Partial<Draft>} changes Changes.
   * @return {?Draft} The draft after the change (null when it is gone).
   */
  update(id, changes) {
    const drafts = this.list();
    const index = drafts.findIndex((d) => d.id === id);
    if (index < 0) {
      return null;
    }
    drafts[index] = { ...drafts[index], ...changes, id, updatedAt: new Date().toISOString() };
    this.write(drafts);
    return drafts[index];
  }

  /** Removes a draft (after the server stored it, or when the user discards it). */
  remove(id) {
    this.write(this.list().filter((d) => d.id !== id));
  }

  /** @param {function(): void} listener Called after every change. */
  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  write(drafts) {
    try {
      if (drafts.length === 0) {
        this.storage.removeItem(this.key);
      } else {
        this.storage.setItem(this.key, JSON.stringify(drafts));
      }
    } catch {
      throw new Error('drafts.quota');
    }
    this.listeners.forEach((listener) => listener());
  }
}

function newId() {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `d-${random}`;
}

/** A Storage over a Map (tests, or when the browser refuses localStorage). */
export class MemoryStorage {
  constructor() {
    this.map = new Map();
  }

  getItem(key) {
    return this.map.has(key) ? this.map.get(key) : null;
  }

  setItem(key, value) {
    this.map.set(key, String(value));
  }

  removeItem(key) {
    this.map.delete(key);
  }
}

/** localStorage when the browser allows it, else memory (drafts then last as long as the page). */
export function browserStorage() {
  try {
    const storage = globalThis.localStorage;
    const probe = `${PREFIX}probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return new MemoryStorage();
  }
}
