// The map layers of signed-in work, above the tiles: the user's scope (commune outlines, also snapped
// to), existing features of the layer being edited (snapped to, not drawn: the tiles draw them), the
// geometry being edited, the problems found in it, and the before/after geometries of a review or of
// a history version. Geometries come and go as GeoJSON in EPSG:4326.

import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import { bbox as bboxStrategy } from 'ol/loadingstrategy.js';
import VectorSource from 'ol/source/Vector.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import RegularShape from 'ol/style/RegularShape.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';

const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

/** A GeoJSON geometry (EPSG:4326) → an OpenLayers geometry in the map's projection. */
export function readGeometry(geometry) {
  return format.readGeometry(geometry);
}

/** An OpenLayers geometry in the map's projection → GeoJSON (EPSG:4326), full precision. */
export function writeGeometry(geometry) {
  return format.writeGeometryObject(geometry);
}

const EDIT = [
  new Style({
    fill: new Fill({ color: 'rgba(255, 153, 0, 0.25)' }),
    stroke: new Stroke({ color: '#e65100', width: 3 }),
    image: new CircleStyle({ radius: 7, fill: new Fill({ color: '#ff9800' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
  }),
];

const PROBLEM_MARK = new Style({
  image: new RegularShape({ points: 4, radius: 11, radius2: 0, angle: Math.PI / 4, stroke: new Stroke({ color: '#d50000', width: 4 }) }),
});
const PROBLEM_PART = new Style({
  stroke: new Stroke({ color: '#d50000', width: 4, lineDash: [8, 6] }),
  fill: new Fill({ color: 'rgba(213, 0, 0, 0.12)' }),
});

const SCOPE = new Style({
  stroke: new Stroke({ color: '#6a1b9a', width: 2, lineDash: [10, 6] }),
});

const compareStyle = (feature) => {
  const before = feature.get('role') === 'before';
  return new Style({
    fill: new Fill({ color: before ? 'rgba(120, 120, 120, 0.18)' : 'rgba(21, 101, 192, 0.22)' }),
    stroke: new Stroke({ color: before ? '#616161' : '#1565c0', width: before ? 2 : 3, lineDash: before ? [6, 6] : undefined }),
    image: new CircleStyle({ radius: 6, fill: new Fill({ color: before ? '#9e9e9e' : '#1565c0' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
    text: feature.get('label')
      ? new Text({ text: feature.get('label'), font: '600 12px sans-serif', offsetY: before ? -12 : 12, fill: new Fill({ color: before ? '#424242' : '#0d47a1' }), stroke: new Stroke({ color: '#fff', width: 3 }), overflow: true })
      : undefined,
  });
};

/** The ring or line a problem names, as a GeoJSON LineString. */
function partOf(geometry, part) {
  if (!geometry || !part) {
    return null;
  }
  const c = geometry.coordinates;
  let line = null;
  if (part.ring !== undefined) {
    line = geometry.type === 'Polygon' ? c[part.ring] : geometry.type === 'MultiPolygon' ? c[part.polygon]?.[part.ring] : null;
  } else if (part.line !== undefined) {
    line = geometry.type === 'LineString' ? c : geometry.type === 'MultiLineString' ? c[part.line] : null;
  }
  return line && line.length >= 2 ? { type: 'LineString', coordinates: line } : null;
}

/**
 * Creates the layers and adds them to the map.
 * @param {import('ol/Map.js').default} map Map.
 * @return {Object} Sources and layers: scope, snap, edit, problems, compare.
 */
export function createEditLayers(map) {
  const scope = new VectorSource();
  const edit = new VectorSource();
  const problems = new VectorSource();
  const compare = new VectorSource();
  let snapLayerName = null;
  const snap = new VectorSource({
    strategy: bboxStrategy,
    loader(extent, resolution, projection, success, failure) {
      if (!snapLayerName) {
        success([]);
        return;
      }
      const query = new URLSearchParams({
        service: 'WFS', version: '2.0.0', request: 'GetFeature', typeNames: `envgis:${snapLayerName}`,
        outputFormat: 'application/json', srsName: 'EPSG:3857', count: '500',
        bbox: `${extent.map((v) => v.toFixed(2)).join(',')},EPSG:3857`,
      });
      fetch(new URL(`wfs?${query}`, document.baseURI), { credentials: 'same-origin' })
        .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
        .then((json) => {
          const features = new GeoJSON({ dataProjection: 'EPSG:3857', featureProjection: 'EPSG:3857' }).readFeatures(json);
          snap.addFeatures(features);
          success(features);
        })
        .catch(() => {
          snap.removeLoadedExtent(extent);
          failure();
        });
    },
  });
  const layers = [
    new VectorLayer({ source: scope, style: SCOPE, zIndex: 900, properties: { envgisRole: 'scope' } }),
    // Drawn by the tiles already: loaded only to snap to, from zoom 12 on.
    new VectorLayer({ source: snap, style: null, minZoom: 12, zIndex: 901, properties: { envgisRole: 'snap' } }),
    new VectorLayer({ source: compare, style: compareStyle, zIndex: 902, properties: { envgisRole: 'compare' } }),
    new VectorLayer({ source: edit, style: EDIT, zIndex: 903, properties: { envgisRole: 'edit' } }),
    new VectorLayer({ source: problems, style: (f) => (f.getGeometry().getType() === 'Point' ? PROBLEM_MARK : PROBLEM_PART), zIndex: 904, properties: { envgisRole: 'problems' } }),
  ];
  layers.forEach((layer) => map.addLayer(layer));

  return {
    layers,
    scope,
    snap,
    edit,
    problems,
    compare,
    editLayer: layers[3],
    /** Snap to the features of another layer (null: none). */
    setSnapLayer(name) {
      if (name !== snapLayerName) {
        snapLayerName = name;
        snap.clear(true);
        snap.refresh();
      }
    },
    /** Shows the user's scope: commune polygons as GeoJSON geometries (EPSG:4326). */
    setScope(geometries) {
      scope.clear();
      scope.addFeatures(geometries.map((g) => format.readFeature({ type: 'Feature', geometry: g, properties: {} })));
    },
    /**
     * Highlights problems (geomcheck.js): a cross where each one is and the ring or line at fault.
     * @param {Array<Object>} found Problems.
     * @param {?Object} geometry The GeoJSON geometry they were found in.
     */
    showProblems(found, geometry) {
      problems.clear();
      for (const problem of found) {
        const part = partOf(geometry, problem.part);
        if (part) {
          problems.addFeature(format.readFeature({ type: 'Feature', geometry: part, properties: { key: problem.key } }));
        }
        if (problem.at) {
          problems.addFeature(format.readFeature({ type: 'Feature', geometry: { type: 'Point', coordinates: problem.at }, properties: { key: problem.key } }));
        }
      }
    },
    /** Before/after geometries with labels. */
    showCompare(items) {
      compare.clear();
      for (const { geometry, role, label } of items) {
        if (geometry) {
          compare.addFeature(format.readFeature({ type: 'Feature', geometry, properties: { role, label } }));
        }
      }
    },
  };
}
