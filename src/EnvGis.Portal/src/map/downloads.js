// The one place that knows how a layer can be downloaded and reached by other software: download
// formats (today what the server's WFS writes: GeoJSON and GML 3.2) and the service links (WMS,
// WFS, WMTS, OGC API Features). New open-data formats are added to DOWNLOAD_FORMATS.

/** Download formats: a label and the WFS output format (or a function of the layer giving a path). */
export const DOWNLOAD_FORMATS = [
  { id: 'geojson', label: 'GeoJSON', path: (layer) => wfsGetFeature(layer, 'application/json'), extension: 'geojson' },
  { id: 'gml', label: 'GML 3.2', path: (layer) => wfsGetFeature(layer, 'application/gml+xml; version=3.2'), extension: 'gml' },
];

/** A WFS 2.0 GetFeature of the whole layer (the caller's visibility applies on the server). */
export function wfsGetFeature(layer, outputFormat, extra = {}) {
  const query = new URLSearchParams({
    service: 'WFS', version: '2.0.0', request: 'GetFeature', typeNames: `envgis:${layer}`, outputFormat, ...extra,
  });
  return `wfs?${query}`;
}

/**
 * The service links of a layer, absolute (for copying into QGIS, GDAL or a browser).
 * @param {string} layer Layer name.
 * @param {string} base The portal's base URL (document.baseURI).
 * @return {Array<{id: string, label: string, url: string}>} Links.
 */
export function serviceLinks(layer, base) {
  const url = (path) => new URL(path, base).href;
  return [
    { id: 'wms', label: 'WMS', url: url(`wms?service=WMS&request=GetCapabilities&version=1.3.0`) },
    { id: 'wfs', label: 'WFS', url: url(`wfs?service=WFS&request=GetCapabilities&version=2.0.0`) },
    { id: 'wmts', label: 'WMTS', url: url('wmts?service=WMTS&request=GetCapabilities') },
    { id: 'ogcapi', label: 'OGC API – Features', url: url(`ogcapi/collections/${encodeURIComponent(layer)}`) },
    { id: 'tilejson', label: 'TileJSON', url: url(`tiles/${encodeURIComponent(layer)}.json`) },
  ];
}
