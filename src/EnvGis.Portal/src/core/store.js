// The portal's explicit state: one object, changed only through `set`, and render functions that
// subscribe to it. Each render function reads the whole state and draws its part of the page, so
// what is on screen never depends on the order in which things happened.

/**
 * @template S
 * @param {S} initial The first state.
 * @return {{get: function(): S, set: function(Partial<S>): void, subscribe: function(function(S, S): void): function(): void}}
 */
export function createStore(initial) {
  let state = Object.freeze({ ...initial });
  const renderers = new Set();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      const next = { ...state, ...patch };
      if (Object.keys(patch).every((key) => Object.is(previous[key], next[key]))) {
        return;
      }
      state = Object.freeze(next);
      for (const render of [...renderers]) {
        render(state, previous);
      }
    },
    /** Calls `render(state, previous)` now and after every change; returns the unsubscribe function. */
    subscribe(render) {
      renderers.add(render);
      render(state, state);
      return () => renderers.delete(render);
    },
  };
}

/** The state of the whole portal (see README "Modules"). */
export const portal = createStore({
  /** Side panel open (the layer list or the signed-in tabs). */
  panelOpen: true,
  /** 'land' (the sample land layer), 'osm' or 'imagery' when configured. */
  baseMap: 'land',
  /** The selected record: {layer, id} or null. */
  selection: null,
  /** The open map tool: null, 'measure-line', 'measure-area'. */
  tool: null,
  /** The validity date shown (YYYY-MM-DD) or null for all records. */
  date: null,
});
