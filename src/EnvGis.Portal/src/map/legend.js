// Legend swatches: each style rule drawn with its own (non-text) symbolizers, through the same OpenLayers
// styles the map uses, on a small canvas.

import LineString from 'ol/geom/LineString.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import { toContext } from 'ol/render.js';
import { symbolizerStyle } from './styles.js';

const WIDTH = 24;
const HEIGHT = 18;

function geometryFor(type) {
  switch (type) {
    case 'polygon':
      return new Polygon([[[2, 2], [WIDTH - 2, 2], [WIDTH - 2, HEIGHT - 2], [2, HEIGHT - 2], [2, 2]]]);
    case 'line':
      return new LineString([[2, HEIGHT - 4], [WIDTH / 3, 4], [(2 * WIDTH) / 3, HEIGHT - 4], [WIDTH - 2, 4]]);
    default:
      return new Point([WIDTH / 2, HEIGHT / 2]);
  }
}

/**
 * Draws the swatch of one rule.
 * @param {import('./styles.js').CompiledRule} rule Rule.
 * @return {HTMLCanvasElement} Canvas (decorative: the rule title stands next to it).
 */
export function ruleSwatch(rule) {
  const canvas = document.createElement('canvas');
  canvas.className = 'swatch';
  canvas.setAttribute('aria-hidden', 'true');
  const context = canvas.getContext('2d');
  const render = toContext(context, { size: [WIDTH, HEIGHT], pixelRatio: window.devicePixelRatio || 1 });
  for (const sym of rule.symbolizers.filter((s) => s.type !== 'text')) {
    // Marks larger than the swatch are shrunk to fit it.
    const fitted = sym.type === 'point' ? { ...sym, size: Math.min(Number(sym.size) || 6, HEIGHT - 2) } : sym;
    const style = symbolizerStyle(fitted);
    if (style) {
      render.setStyle(style);
      render.drawGeometry(geometryFor(sym.type));
    }
  }
  return canvas;
}

/**
 * Whether a rule has a legend entry: rules that only label features have none (as in the
 * server's legends).
 * @param {import('./styles.js').CompiledRule} rule Rule.
 * @return {boolean} True when the rule draws something besides text.
 */
export function hasLegend(rule) {
  return rule.symbolizers.some((s) => s.type !== 'text');
}
