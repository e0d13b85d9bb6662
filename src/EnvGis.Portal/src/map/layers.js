// One OpenLayers VectorTile layer per catalogue layer, styled from its style JSON, in a fixed draw
// order: the `land` base at the bottom, then polygons < lines < points.

import { transformExtent } from 'ol/proj.js';
import { buffer as bufferExtent } from 'ol/extent.js';
import Feature from 'ol/Feature.js';
import MVT from 'ol/format/MVT.js';
import Polygon, { fromExtent } from 'ol/geom/Polygon.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorSource from 'ol/source/Vector.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import { escapeHtml } from '../core/dom.js';

/** The layer drawn under everything as the base map when there is no external one. */
export const BASE_LAYER = 'land';

/**
 * Where layer data can be (lon/lat): the box the sample land is clipped to, around the whole city.
 * Tiles are requested only inside it. (Not the layer's current data bounds: those change when a
 * signed-in user adds a record, and the map must show it without a reload.)
 */
export const DATA_BOUNDS = [106.0, 20.0, 107.9, 21.4];

/** Over the sea-blue background where the base layer has no data. */
const NO_DATA_VEIL = 'rgba(228, 232, 235, 0.8)';

/** Layers switched on when the portal opens. */
export const DEFAULT_VISIBLE = new Set([
  'land',
  'coastline',
  'communes',
  'protected_areas',
  'industrial_parks',
  'polluted_zones',
  'monitoring_stations',
  'rivers',
]);

const GEOMETRY_RANK = { polygon: 1, line: 2, point: 3 };

/**
 * @param {string} geometryType Catalogue geometry type (Point, MultiLineString, MultiPolygon…).
 * @return {'point'|'line'|'polygon'} Kind.
 */
export function geometryKind(geometryType) {
  const type = String(geometryType ?? '').toLowerCase();
  if (type.includes('point')) {
    return 'point';
  }
  if (type.includes('line')) {
    return 'line';
  }
  return 'polygon';
}

/**
 * The z-index of every layer: base first, then polygons, lines, points; within a kind, layers that
 * come earlier in the catalogue (lower Article 5 category) are drawn on top, so wide context layers
 * such as communes and river basins lie under the thematic ones.
 * @param {Array<{name: string, geometryType: string}>} layers Catalogue layers in catalogue order.
 * @return {Map<string, number>} z-index by layer name.
 */
export function drawOrder(layers) {
  const order = new Map();
  const n = layers.length;
  layers.forEach((layer, index) => {
    const rank = layer.name === BASE_LAYER ? 0 : GEOMETRY_RANK[geometryKind(layer.geometryType)];
    order.set(layer.name, rank * 1000 + (n - index));
  });
  return order;
}

/**
 * Resolves a tile URL template against the TileJSON's URL without percent-encoding its {z}/{x}/{y}.
 * @param {string} template Template from the TileJSON.
 * @param {string} base Absolute URL of the TileJSON.
 * @return {string} Absolute template.
 */
export function resolveTemplate(template, base) {
  const placeholders = [];
  const masked = template.replace(/\{[^}]*\}/g, (m) => `__envgis${placeholders.push(m) - 1}__`);
  return new URL(masked, base).href.replace(/__envgis(\d+)__/g, (_, i) => placeholders[Number(i)]);
}

/**
 * Counts tile loads of every source in `document.body.dataset` (tilesRequested, tilesLoaded,
 * tilesFailed, tilesPending) so tests and monitoring can wait until the map has its data.
 */
export class TileLoadCounter {
  constructor() {
    this.requested = 0;
    this.loaded = 0;
    this.failed = 0;
    this.publish();
  }

  /** @param {import('ol/source/Tile.js').default} source Source to watch. */
  watch(source) {
    source.on('tileloadstart', () => {
      this.requested++;
      this.publish();
    });
    source.on('tileloadend', () => {
      this.loaded++;
      this.publish();
    });
    source.on('tileloaderror', () => {
      this.failed++;
      this.publish();
    });
  }

  publish() {
    const data = document.body.dataset;
    data.tilesRequested = String(this.requested);
    data.tilesLoaded = String(this.loaded);
    data.tilesFailed = String(this.failed);
    data.tilesPending = String(this.requested - this.loaded - this.failed);
  }
}

/** How records that are not published yet look over their normal style (signed-in users only see them). */
const STATUS_COLORS = { draft: '#8e24aa', submitted: '#ef6c00', approved: '#1565c0', rejected: '#c62828' };
const statusStyles = new Map();

/**
 * The extra style that marks a record's workflow status: a dashed outline (polygons, lines) or ring
 * (points) in the status colour; none for published records.
 * @param {string} status Record status.
 * @param {'point'|'line'|'polygon'} kind Geometry kind.
 * @return {?Style} Style.
 */
export function statusStyle(status, kind) {
  const color = STATUS_COLORS[status];
  if (!color) {
    return null;
  }
  const key = `${status}:${kind}`;
  if (!statusStyles.has(key)) {
    const stroke = new Stroke({ color, width: kind === 'line' ? 3 : 2.5, lineDash: [6, 4] });
    statusStyles.set(key, kind === 'point'
      ? new Style({ image: new CircleStyle({ radius: 10, stroke }), zIndex: 10 })
      : new Style({ stroke, zIndex: 10 }));
  }
  return statusStyles.get(key);
}

/**
 * A style function that draws the layer's style and, for unpublished records, their status mark.
 * @param {function} styleFunction The layer's compiled style function.
 * @param {string} geometryType Catalogue geometry type.
 * @return {function} Style function.
 */
export function withStatus(styleFunction, geometryType) {
  const kind = geometryKind(geometryType);
  return (feature, resolution) => {
    const styles = styleFunction(feature, resolution);
    const mark = styles.length ? statusStyle(feature.get('status'), kind) : null;
    return mark ? [...styles, mark] : styles;
  };
}

/**
 * Creates the VectorTile layer of one catalogue layer.
 * @param {Object} entry Catalogue layer.
 * @param {ReturnType<import('./styles.js').compileStyle>} style Compiled style.
 * @param {{tiles: Array<string>, minZoom: number, maxZoom: number, attribution: ?string}} tiles Tile URLs (bootstrap).
 * @param {Object} options Options.
 * @param {string} [options.attribution] Attribution text from the portal config (plain text).
 * @param {number} options.zIndex Draw order.
 * @param {boolean} options.visible Initially visible.
 * @param {TileLoadCounter} options.counter Tile counter.
 * @return {VectorTileLayer} Layer.
 */
export function createVectorTileLayer(entry, style, tiles, options) {
  if (!Array.isArray(tiles.tiles) || tiles.tiles.length === 0) {
    throw new Error(`The layer ${entry.name} has no tile URL`);
  }
  const attributions = [options.attribution, tiles.attribution]
    .filter((text, i, all) => text && all.indexOf(text) === i)
    .map(escapeHtml);
  const source = new VectorTileSource({
    format: new MVT({ layers: [entry.name] }),
    urls: tiles.tiles.map((template) => resolveTemplate(template, document.baseURI)),
    minZoom: Number.isInteger(tiles.minZoom) ? tiles.minZoom : 0,
    maxZoom: Number.isInteger(tiles.maxZoom) ? tiles.maxZoom : 14,
    attributions: attributions.length ? attributions : undefined,
    attributionsCollapsible: false,
    wrapX: false,
  });
  options.counter.watch(source);

  return new VectorTileLayer({
    source,
    style: withStatus(style.styleFunction, entry.geometryType),
    // No tile requests outside the city; a margin keeps strokes and labels at the edge.
    extent: bufferExtent(transformExtent(DATA_BOUNDS, 'EPSG:4326', 'EPSG:3857'), 2000),
    zIndex: options.zIndex,
    visible: options.visible,
    declutter: 'labels',
    properties: { envgisLayer: entry.name, title: entry.title },
  });
}

/**
 * The extent of a TileJSON's bounds in EPSG:3857.
 * @param {Object} tileJson TileJSON.
 * @return {import('ol/extent.js').Extent|undefined} Extent, or undefined without valid bounds.
 */
export function tileJsonExtent(tileJson) {
  const bounds = tileJson.bounds;
  if (!Array.isArray(bounds) || bounds.length !== 4 || !bounds.every(Number.isFinite)) {
    return undefined;
  }
  const clamped = [Math.max(bounds[0], -180), Math.max(bounds[1], -85), Math.min(bounds[2], 180), Math.min(bounds[3], 85)];
  return transformExtent(clamped, 'EPSG:4326', 'EPSG:3857');
}

/**
 * A veil over the sea-blue map background outside the base layer's data extent: there the map has
 * no land data, so it must not look like open sea (the land data is clipped to a box whose straight
 * edges are not coastlines). Shown while the base layer is.
 * @param {VectorTileLayer} base The base (land) layer.
 * @param {import('ol/extent.js').Extent} extent The base layer's data extent.
 * @return {VectorLayer} Layer drawn just under the base layer.
 */
export function createNoDataLayer(base, extent = transformExtent(DATA_BOUNDS, 'EPSG:4326', 'EPSG:3857')) {
  const world = [-20037508.34, -20037508.34, 20037508.34, 20037508.34];
  const mask = new Polygon([fromExtent(world).getCoordinates()[0], fromExtent(extent).getCoordinates()[0]]);
  const layer = new VectorLayer({
    source: new VectorSource({ features: [new Feature(mask)] }),
    style: new Style({ fill: new Fill({ color: NO_DATA_VEIL }) }),
    zIndex: base.getZIndex() - 1,
    visible: base.getVisible(),
    updateWhileInteracting: true,
    updateWhileAnimating: true,
    properties: { envgisNoData: true },
  });
  base.on('change:visible', () => layer.setVisible(base.getVisible()));
  return layer;
}
