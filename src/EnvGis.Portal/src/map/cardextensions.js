// A hook for extra content in the feature card of one layer, loaded on demand. The station chart of
// the monitoring work (src/monitoring/, issue 11) plugs in here with one line in main.js:
//   registerCardExtension('monitoring_stations', () => import('./monitoring/stationpopup.js'));
// The module's default export is called with (element, {layer, id, feature}) and fills the element.

const extensions = new Map();

/** @param {string} layer Layer name. @param {function(): Promise<{default: function}>} load Loads the module. */
export function registerCardExtension(layer, load) {
  extensions.set(layer, load);
}

/** An element filled by the layer's extension, or null when the layer has none. */
export function cardExtension(layer, id, feature, create) {
  const load = extensions.get(layer);
  if (!load) {
    return null;
  }
  const element = create();
  load().then((module) => module.default(element, { layer, id, feature })).catch((error) => {
    console.error(`EnvGis: the card extension of ${layer} failed`, error);
    element.remove();
  });
  return element;
}
