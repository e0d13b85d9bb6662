// Drawing and editing one record's geometry with OpenLayers' Draw, Modify, Translate and Snap:
// new parts (points, lines, polygons), holes cut into polygons, vertices moved/added (drag an edge)
// and removed (Alt+click), the whole shape moved, snapping to the shape itself, to existing features
// and to the commune boundaries of the user's scope, and undo (the last vertex while drawing, else
// the last change). Every change reports the geometry as GeoJSON in EPSG:4326.

import Feature from 'ol/Feature.js';
import MultiLineString from 'ol/geom/MultiLineString.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Polygon from 'ol/geom/Polygon.js';
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import Snap from 'ol/interaction/Snap.js';
import Translate from 'ol/interaction/Translate.js';
import { readGeometry, writeGeometry } from './editlayers.js';

const DRAW_TYPE = { Point: 'Point', MultiLineString: 'LineString', MultiPolygon: 'Polygon' };
const MAX_UNDO = 100;

export class GeometryEditor {
  /**
   * @param {import('ol/Map.js').default} map Map.
   * @param {ReturnType<import('./editlayers.js').createEditLayers>} layers Edit layers.
   * @param {string} kind The layer's geometry type: Point, MultiLineString, MultiPolygon.
   * @param {function(?Object): void} onChange Called with the GeoJSON geometry after every change.
   * @param {function(string): void} onNotice Called with an i18n key for things the user should know.
   */
  constructor(map, layers, kind, onChange, onNotice) {
    this.map = map;
    this.layers = layers;
    this.kind = kind;
    this.onChange = onChange;
    this.onNotice = onNotice;
    this.source = layers.edit;
    this.undoStack = [];
    this.interactions = [];
    this.sketching = false;
    this.modeName = 'none';
    this.source.clear();
  }

  /** @return {?Object} The geometry as GeoJSON (EPSG:4326), null when nothing is drawn. */
  geometry() {
    const feature = this.source.getFeatures()[0];
    return feature ? writeGeometry(feature.getGeometry()) : null;
  }

  /** Replaces the geometry (from a draft, a record, an import or typed coordinates). */
  setGeometry(geojson, { remember = true } = {}) {
    if (remember) {
      this.remember();
    }
    this.source.clear();
    if (geojson) {
      this.source.addFeature(new Feature(readGeometry(geojson)));
    }
    this.changed();
  }

  /** Fits the view to the geometry. */
  zoomTo() {
    const feature = this.source.getFeatures()[0];
    if (feature) {
      this.map.getView().fit(feature.getGeometry().getExtent(), { padding: [60, 60, 60, 60], maxZoom: 16, duration: 0 });
    }
  }

  remember() {
    this.undoStack.push(this.geometry());
    if (this.undoStack.length > MAX_UNDO) {
      this.undoStack.shift();
    }
  }

  changed() {
    this.onChange(this.geometry());
  }

  /** Undo: the last vertex of the sketch, else the last change. */
  undo() {
    if (this.sketching && this.draw) {
      this.draw.removeLastPoint();
      return true;
    }
    if (this.undoStack.length === 0) {
      return false;
    }
    const previous = this.undoStack.pop();
    this.source.clear();
    if (previous) {
      this.source.addFeature(new Feature(readGeometry(previous)));
    }
    this.changed();
    return true;
  }

  canUndo() {
    return this.sketching || this.undoStack.length > 0;
  }

  /** Removes the whole geometry (undoable). */
  clear() {
    this.remember();
    this.source.clear();
    this.changed();
  }

  /** @return {string} The current mode. */
  mode() {
    return this.modeName;
  }

  /**
   * Switches the tool: 'draw' (a new shape or part), 'hole' (cut a hole into a polygon), 'modify'
   * (vertices), 'move' (the whole shape), 'none'.
   */
  setMode(mode) {
    this.removeInteractions();
    this.modeName = mode;
    this.map.set('editing', mode !== 'none');
    // Phones: the panel shrinks while a shape is drawn (portal.css body.drawing).
    document.body.classList.toggle('drawing', mode === 'draw' || mode === 'hole');
    if (mode === 'draw' || mode === 'hole') {
      const type = mode === 'hole' ? 'Polygon' : DRAW_TYPE[this.kind];
      this.draw = new Draw({ type, stopClick: true });
      this.draw.on('drawstart', () => {
        this.sketching = true;
      });
      this.draw.on('drawabort', () => {
        this.sketching = false;
      });
      this.draw.on('drawend', (event) => {
        this.sketching = false;
        if (mode === 'hole') {
          this.addHole(event.feature.getGeometry());
        } else {
          this.addPart(event.feature.getGeometry());
        }
        // A finished shape is adjusted next: switch to the vertex tool (after this event is done).
        setTimeout(() => {
          if (this.modeName === mode) {
            this.setMode('modify');
            this.onModeChange?.('modify');
          }
        }, 0);
      });
      this.add(this.draw);
    } else if (mode === 'modify') {
      const modify = new Modify({ source: this.source });
      modify.on('modifystart', () => this.remember());
      modify.on('modifyend', () => this.changed());
      this.add(modify);
    } else if (mode === 'move') {
      const translate = new Translate({ layers: [this.layers.editLayer] });
      translate.on('translatestart', () => this.remember());
      translate.on('translateend', () => this.changed());
      this.add(translate);
    }
    if (mode !== 'none' && mode !== 'move') {
      // Snap after the drawing/modifying interaction (OpenLayers needs that order).
      for (const source of [this.source, this.layers.snap, this.layers.scope]) {
        this.add(new Snap({ source, pixelTolerance: 12 }));
      }
    }
  }

  add(interaction) {
    this.interactions.push(interaction);
    this.map.addInteraction(interaction);
  }

  removeInteractions() {
    if (this.sketching && this.draw) {
      this.draw.abortDrawing();
    }
    this.sketching = false;
    this.draw = null;
    this.interactions.forEach((interaction) => this.map.removeInteraction(interaction));
    this.interactions = [];
  }

  /** A drawn shape becomes the geometry (points), or one more part of it (lines, polygons). */
  addPart(drawn) {
    this.remember();
    const feature = this.source.getFeatures()[0];
    if (!feature || this.kind === 'Point') {
      this.source.clear();
      this.source.addFeature(new Feature(drawn));
    } else {
      const current = feature.getGeometry();
      if (this.kind === 'MultiPolygon') {
        const multi = current instanceof MultiPolygon ? current : new MultiPolygon([current.getCoordinates()]);
        multi.appendPolygon(drawn);
        feature.setGeometry(multi);
      } else {
        const multi = current instanceof MultiLineString ? current : new MultiLineString([current.getCoordinates()]);
        multi.appendLineString(drawn);
        feature.setGeometry(multi);
      }
    }
    this.changed();
  }

  /** A drawn ring becomes a hole of the polygon (or the part of a multipolygon) it lies in. */
  addHole(drawn) {
    const feature = this.source.getFeatures()[0];
    const ring = drawn.getLinearRing(0);
    const first = ring.getFirstCoordinate();
    const current = feature?.getGeometry();
    const polygons = current instanceof Polygon ? [current] : current instanceof MultiPolygon ? current.getPolygons() : [];
    const index = polygons.findIndex((polygon) => polygon.intersectsCoordinate(first));
    if (index < 0) {
      this.onNotice('edit.holeOutside');
      return;
    }
    this.remember();
    polygons[index].appendLinearRing(ring);
    feature.setGeometry(current instanceof Polygon ? polygons[0] : new MultiPolygon(polygons));
    this.changed();
  }

  /** Leaves the map as it was. */
  destroy() {
    this.removeInteractions();
    this.modeName = 'none';
    this.map.set('editing', false);
    document.body.classList.remove('drawing');
    this.source.clear();
  }
}
