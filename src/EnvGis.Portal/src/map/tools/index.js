// The map tools that are fetched on first use, in one chunk (fewer, larger chunks compress better
// than many small ones): measuring, print/export, the attribute table, the metadata page, and
// reading a record's GeoJSON geometry for the feature card.

import GeoJSON from 'ol/format/GeoJSON.js';

export { openExportDialog } from './export.js';
export { createMeasure } from './measure.js';
export { openMetadata } from './metadata.js';
export { openTable } from './table.js';

/** A GeoJSON geometry (EPSG:4326) in the map's projection. */
export function readGeometry(geometry, projection) {
  return new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection }).readGeometry(geometry);
}
