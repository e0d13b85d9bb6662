// Which features lie under a pixel, found geometrically in the loaded vector tiles (point in
// polygon, distance to lines and symbols) rather than by OpenLayers' canvas hit detection, whose
// canvas read-backs make Chromium warn in the console. Only features that the layer's style draws
// at the current resolution count.

const DEFAULT_POINT_RADIUS = 5;

/**
 * @typedef {Object} Hit
 * @property {import('ol/layer/VectorTile.js').default} layer Layer.
 * @property {import('ol/render/Feature.js').default} feature Feature.
 */

/**
 * The features under a pixel, one per record: those drawn right under it first, then those only
 * within the tolerance; each group topmost layer first.
 * @param {import('ol/Map.js').default} map Map.
 * @param {Array<number>} pixel Pixel.
 * @param {number} tolerance Extra pixels around the pixel (fingers are wider than mice).
 * @return {Array<Hit>} Hits.
 */
export function featuresAtPixel(map, pixel, tolerance) {
  const coordinate = map.getCoordinateFromPixel(pixel);
  const resolution = map.getView().getResolution();
  if (!coordinate || !resolution) {
    return [];
  }
  const layers = map
    .getAllLayers()
    .filter((layer) => layer.get('envgisLayer') && layer.isVisible(map.getView()))
    .sort((a, b) => b.getZIndex() - a.getZIndex());
  const hits = [];
  for (const layer of layers) {
    const styleFunction = layer.getStyleFunction();
    const seen = new Set();
    // Wide enough for the largest symbol; each candidate is then tested with its own size.
    const reach = (tolerance + 32) * resolution;
    const extent = [coordinate[0] - reach, coordinate[1] - reach, coordinate[0] + reach, coordinate[1] + reach];
    for (const feature of layer.getFeaturesInExtent(extent)) {
      const key = feature.getId() ?? feature;
      if (seen.has(key)) {
        continue;
      }
      const styles = styleFunction ? styleFunction(feature, resolution) : null;
      const list = Array.isArray(styles) ? styles : styles ? [styles] : [];
      if (list.length === 0) {
        continue;
      }
      const exact = distanceOutside(feature, coordinate, list, resolution);
      if (exact <= tolerance * resolution) {
        seen.add(key);
        hits.push({ layer, feature, exact: exact === 0 });
      }
    }
  }
  return [...hits.filter((hit) => hit.exact), ...hits.filter((hit) => !hit.exact)].map(({ layer, feature }) => ({
    layer,
    feature,
  }));
}

/**
 * How far (map units) a coordinate is from what is drawn of a feature: 0 on it.
 */
function distanceOutside(feature, [x, y], styles, resolution) {
  const flat = feature.getFlatCoordinates();
  const ends = feature.getEnds?.() ?? [flat.length];
  switch (feature.getType()) {
    case 'Point':
    case 'MultiPoint': {
      const radius = Math.max(...styles.map(symbolRadius)) * resolution;
      let best = Infinity;
      for (let i = 0; i < flat.length; i += 2) {
        best = Math.min(best, Math.hypot(flat[i] - x, flat[i + 1] - y));
      }
      return Math.max(0, best - radius);
    }
    case 'LineString':
    case 'MultiLineString': {
      const halfWidth = (Math.max(...styles.map(strokeWidth)) / 2) * resolution;
      return Math.max(0, distanceToLines(flat, ends, x, y) - halfWidth);
    }
    case 'Polygon':
      return insideRings(flat, ends, x, y) ? 0 : distanceToLines(flat, ends, x, y);
    default:
      return Infinity;
  }
}

function symbolRadius(style) {
  const image = style.getImage?.();
  if (!image) {
    return 0;
  }
  const radius = image.getRadius?.();
  if (radius) {
    return radius;
  }
  const size = image.getSize?.();
  return size ? Math.max(...size) / 2 : DEFAULT_POINT_RADIUS;
}

function strokeWidth(style) {
  return style.getStroke?.()?.getWidth?.() ?? 1;
}

/** Even-odd rule over all rings: right for polygons with holes and for multipolygons alike. */
function insideRings(flat, ends, x, y) {
  let inside = false;
  let start = 0;
  for (const end of ends) {
    for (let i = start, j = end - 2; i < end; j = i, i += 2) {
      const xi = flat[i];
      const yi = flat[i + 1];
      const xj = flat[j];
      const yj = flat[j + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    start = end;
  }
  return inside;
}

function distanceToLines(flat, ends, x, y) {
  let best = Infinity;
  let start = 0;
  for (const end of ends) {
    for (let i = start; i + 3 < end; i += 2) {
      best = Math.min(best, distanceToSegment(x, y, flat[i], flat[i + 1], flat[i + 2], flat[i + 3]));
    }
    start = end;
  }
  return best;
}

function distanceToSegment(x, y, x1, y1, x2, y2) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}
