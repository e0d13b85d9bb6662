// Turns the server's style JSON (from the SLD files in styles/) into OpenLayers styles: a style
// function that applies the rules (filters, else rules, scale ranges) and the symbolizers.

import Point from 'ol/geom/Point.js';
import { fromLonLat } from 'ol/proj.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import RegularShape from 'ol/style/RegularShape.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';
import { compileFilter } from './filters.js';

/**
 * Properties that, when the server sends them with a polygon, give the point (lon/lat) where its
 * label goes. Vector tiles cut polygons at tile edges; labelled piece by piece, a polygon would get
 * one label per tile. Anchored at one point, the copies coincide and decluttering keeps one.
 */
export const LABEL_LON = 'label_lon';
export const LABEL_LAT = 'label_lat';

/** OGC "standardized rendering pixel" size in metres (SE 1.1). */
export const OGC_PIXEL_SIZE = 0.00028;

/**
 * The OGC scale denominator of an EPSG:3857 resolution (latitude distortion ignored).
 * @param {number} resolution Map units per pixel.
 * @return {number} Scale denominator.
 */
export function scaleDenominator(resolution) {
  return resolution / OGC_PIXEL_SIZE;
}

/**
 * A CSS/SLD colour with an opacity as an OpenLayers colour.
 * @param {string} value `#rrggbb` or `#rgb` (anything else is passed through).
 * @param {number} [opacity=1] Opacity 0–1.
 * @return {Array<number>|string} Colour.
 */
export function toColor(value, opacity = 1) {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value).trim());
  if (!match) {
    return value;
  }
  let hex = match[1];
  if (hex.length === 3) {
    hex = hex.replace(/./g, '$&$&');
  }
  const n = parseInt(hex, 16);
  const alpha = Math.min(1, Math.max(0, Number.isFinite(opacity) ? opacity : 1));
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/**
 * A CSS font shorthand for a text symbolizer: its family first, the generic sans-serif after it
 * (no web font is ever downloaded).
 * @param {Object} sym Text symbolizer.
 * @return {string} Font.
 */
export function fontFor(sym) {
  const style = sym.fontStyle === 'italic' || sym.fontStyle === 'oblique' ? sym.fontStyle : 'normal';
  const weight = sym.fontWeight === 'bold' ? 'bold' : 'normal';
  const size = Number(sym.fontSize) > 0 ? Number(sym.fontSize) : 10;
  const families = [];
  const family = String(sym.fontFamily ?? '').replace(/["';{}\\]/g, '').trim();
  if (family && !/^(sans-serif|serif|monospace)$/i.test(family)) {
    families.push(`"${family}"`);
  }
  families.push('sans-serif');
  return `${style} ${weight} ${size}px ${families.join(', ')}`;
}

function strokeOf(sym) {
  if (!sym.stroke) {
    return undefined;
  }
  return new Stroke({
    color: toColor(sym.stroke, sym.strokeOpacity ?? 1),
    width: sym.strokeWidth ?? 1,
    lineDash: Array.isArray(sym.strokeDasharray) && sym.strokeDasharray.length ? sym.strokeDasharray : undefined,
    lineCap: 'round',
    lineJoin: 'round',
  });
}

function fillOf(sym) {
  return sym.fill ? new Fill({ color: toColor(sym.fill, sym.fillOpacity ?? 1) }) : undefined;
}

/**
 * The OpenLayers image of a point symbolizer's well-known mark.
 * @param {Object} sym Point symbolizer.
 * @return {import('ol/style/Image.js').default} Image style.
 */
export function markImage(sym) {
  const size = Number(sym.size) > 0 ? Number(sym.size) : 6;
  const r = size / 2;
  const fill = fillOf(sym);
  const stroke = strokeOf(sym);
  const rotation = ((Number(sym.rotation) || 0) * Math.PI) / 180;
  const common = { fill, stroke, rotation, declutterMode: 'obstacle' };
  switch (sym.mark) {
    case 'square':
      return new RegularShape({ ...common, points: 4, radius: r * Math.SQRT2, angle: Math.PI / 4 });
    case 'triangle':
      return new RegularShape({ ...common, points: 3, radius: size / Math.sqrt(3), angle: 0 });
    case 'star':
      return new RegularShape({ ...common, points: 5, radius: r, radius2: r * 0.45, angle: 0 });
    case 'cross':
    case 'x': {
      // A cross has no inside: its arms are the stroke, or the fill colour when there is no stroke.
      const arms =
        stroke ??
        (sym.fill ? new Stroke({ color: toColor(sym.fill, sym.fillOpacity ?? 1), width: Math.max(1.5, size / 5) }) : undefined);
      return new RegularShape({
        points: 4,
        radius: r,
        radius2: 0,
        angle: sym.mark === 'x' ? Math.PI / 4 : 0,
        stroke: arms,
        rotation,
        declutterMode: 'obstacle',
      });
    }
    default:
      return new CircleStyle({ ...common, radius: r });
  }
}

/**
 * The OpenLayers style of one non-text symbolizer.
 * @param {Object} sym Symbolizer.
 * @return {Style|null} Style, or null for text and unknown symbolizers.
 */
export function symbolizerStyle(sym) {
  switch (sym.type) {
    case 'polygon':
      return new Style({ fill: fillOf(sym), stroke: strokeOf(sym) });
    case 'line':
      return new Style({ stroke: strokeOf(sym) });
    case 'point':
      return new Style({ image: markImage(sym) });
    default:
      return null;
  }
}

/**
 * The OpenLayers text of a text symbolizer (its text is set per feature).
 * @param {Object} sym Text symbolizer.
 * @param {Object} [options] Options.
 * @param {number} [options.pointOffset] For point layers: horizontal distance of the label from the point.
 * @return {Text} Text style.
 */
export function textOf(sym, options = {}) {
  const onLine = sym.placement === 'line';
  const pointOffset = options.pointOffset;
  return new Text({
    font: fontFor(sym),
    fill: new Fill({ color: toColor(sym.fill ?? '#000000', sym.fillOpacity ?? 1) }),
    stroke:
      sym.haloColor && Number(sym.haloRadius) > 0
        ? new Stroke({ color: toColor(sym.haloColor, sym.haloOpacity ?? 1), width: 2 * Number(sym.haloRadius) })
        : undefined,
    placement: onLine ? 'line' : 'point',
    overflow: false,
    textAlign: !onLine && pointOffset !== undefined ? 'left' : undefined,
    offsetX: !onLine && pointOffset !== undefined ? pointOffset : 0,
    textBaseline: 'middle',
  });
}

/**
 * @typedef {Object} CompiledRule
 * @property {string} name Rule name.
 * @property {{vi?: string, en?: string}|undefined} title Title.
 * @property {boolean} isElse Else rule.
 * @property {number} minScale Inclusive lower scale denominator.
 * @property {number} maxScale Exclusive upper scale denominator.
 * @property {Array<Object>} symbolizers The symbolizers as given.
 * @property {function(function(string): any): boolean} matches Filter.
 * @property {Array<Style>} styles Non-text styles.
 * @property {Array<{style: Style, label: string}>} labels Text styles and the property they show.
 */

/**
 * Compiles a style document.
 * @param {Object} doc Style JSON from `/api/layers/{layer}/style`.
 * @param {string} geometryType Catalogue geometry type of the layer.
 * @return {{rules: Array<CompiledRule>, styleFunction: import('ol/style/Style.js').StyleFunction,
 *   visibleAt: function(number): boolean, ruleVisibleAt: function(CompiledRule, number): boolean}}
 */
export function compileStyle(doc, geometryType) {
  const isPointLayer = /point/i.test(geometryType ?? '');
  const rules = (doc.rules ?? []).map((rule) => {
    const symbolizers = rule.symbolizers ?? [];
    const largestMark = Math.max(0, ...symbolizers.filter((s) => s.type === 'point').map((s) => Number(s.size) || 6));
    return {
      name: rule.name ?? '',
      title: rule.title,
      isElse: Boolean(rule.isElse),
      minScale: Number(rule.minScaleDenominator) > 0 ? Number(rule.minScaleDenominator) : 0,
      maxScale: Number(rule.maxScaleDenominator) > 0 ? Number(rule.maxScaleDenominator) : Infinity,
      symbolizers,
      matches: compileFilter(rule.filter),
      styles: symbolizers.map(symbolizerStyle).filter(Boolean),
      labels: symbolizers
        .filter((s) => s.type === 'text' && s.label)
        .map((s) => ({
          label: s.label,
          style: new Style({
            text: textOf(s, isPointLayer ? { pointOffset: largestMark / 2 + 4 } : {}),
            geometry: s.placement === 'line' ? undefined : labelAnchor,
          }),
        })),
    };
  });

  const ruleVisibleAt = (rule, resolution) => {
    const scale = scaleDenominator(resolution);
    return scale >= rule.minScale && scale < rule.maxScale;
  };
  const normal = rules.filter((r) => !r.isElse);
  const otherwise = rules.filter((r) => r.isElse);

  /** @type {import('ol/style/Style.js').StyleFunction} */
  const styleFunction = (feature, resolution) => {
    const get = (name) => feature.get(name);
    const out = [];
    let matched = false;
    for (const rule of normal) {
      if (ruleVisibleAt(rule, resolution) && rule.matches(get)) {
        matched = true;
        addRule(out, rule, get);
      }
    }
    if (!matched) {
      for (const rule of otherwise) {
        if (ruleVisibleAt(rule, resolution)) {
          addRule(out, rule, get);
        }
      }
    }
    return out;
  };

  return {
    rules,
    styleFunction,
    ruleVisibleAt,
    visibleAt: (resolution) => rules.some((r) => ruleVisibleAt(r, resolution)),
  };
}

/** Label points by feature id (the same record comes in several tiles). */
const anchors = new Map();

/**
 * Where a point-placed label goes: the server's label point of a polygon when it sent one, else the
 * feature itself (OpenLayers then uses the point, or the interior point of the polygon piece).
 * @param {import('ol/Feature.js').FeatureLike} feature Feature.
 * @return {import('ol/geom/Geometry.js').default|import('ol/render/Feature.js').default} Geometry.
 */
export function labelAnchor(feature) {
  const lon = feature.get(LABEL_LON);
  const lat = feature.get(LABEL_LAT);
  if (typeof lon !== 'number' || typeof lat !== 'number' || feature.getType?.() !== 'Polygon') {
    return feature.getGeometry();
  }
  const key = `${feature.getId()}|${lon}|${lat}`;
  let point = anchors.get(key);
  if (!point) {
    point = new Point(fromLonLat([lon, lat]));
    anchors.set(key, point);
  }
  return point;
}

function addRule(out, rule, get) {
  out.push(...rule.styles);
  for (const { label, style } of rule.labels) {
    const value = get(label);
    if (value !== null && value !== undefined && value !== '') {
      // The style is shared: OpenLayers reads the text while this feature is being rendered.
      style.getText().setText(String(value));
      out.push(style);
    }
  }
}
