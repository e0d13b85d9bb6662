// The one place that knows how a layer can be downloaded and reached by other software: download
// formats (the open-data downloads of /ogcapi/collections/{layer}/download/{format}, with licence,
// citation and metadata, and GML 3.2 from the WFS) and the service links (WMS, WFS, WMTS, OGC API
// Features, the ISO 19139 record, CSW). See docs/open-data.md.

/** The open-data download of a layer in a format (the caller's visibility applies on the server). */
export function openDataDownload(layer, format) {
  return `ogcapi/collections/${encodeURIComponent(layer)}/download/${format}`;
}

/** Download formats: a label, a function of the layer giving a path, and the file extension. */
export const DOWNLOAD_FORMATS = [
  { id: 'gpkg', label: 'GeoPackage', path: (layer) => openDataDownload(layer, 'gpkg'), extension: 'gpkg' },
  { id: 'shp', label: 'Shapefile (zip)', path: (layer) => openDataDownload(layer, 'shp'), extension: 'shp.zip' },
  { id: 'geojson', label: 'GeoJSON', path: (layer) => openDataDownload(layer, 'geojson'), extension: 'geojson' },
  { id: 'csv', label: 'CSV', path: (layer) => openDataDownload(layer, 'csv'), extension: 'csv' },
  { id: 'kml', label: 'KML', path: (layer) => openDataDownload(layer, 'kml'), extension: 'kml' },
  { id: 'gml', label: 'GML 3.2 (WFS)', path: (layer) => wfsGetFeature(layer, 'application/gml+xml; version=3.2'), extension: 'gml' },
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
    { id: 'iso', label: 'ISO 19139', url: url(`ogcapi/collections/${encodeURIComponent(layer)}/metadata`) },
    { id: 'csw', label: 'CSW 2.0.2', url: url('csw?service=CSW&request=GetCapabilities') },
  ];
}
