import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayApprove, mayRestoreVersion, recordActions, restoreOutcome } from '../src/account/permissions.js';
import { fold, matchUnits } from '../src/admin/unitpicker.js';
import { readyToSend } from '../src/edit/bulksubmit.js';
import { clipToScope } from '../src/edit/clip.js';
import { DOWNLOAD_FORMATS, serviceLinks, wfsGetFeature } from '../src/map/downloads.js';
import { formatPermalink, parsePermalink } from '../src/map/permalink.js';
import { cursorText } from '../src/map/tools/cursor.js';
import { niceLength } from '../src/map/tools/export.js';
import { licenceOf } from '../src/map/tools/metadata.js';
import { tableRows } from '../src/map/tools/table.js';
import { dateOf, dayOf, validOn } from '../src/map/tools/timeslider.js';
import { formatArea, formatLength } from '../src/map/tools/units.js';

const editor = { userName: 'e', role: 'editor', canWrite: true, editableLayers: ['polluted_zones'], unit: { code: 'xa-hp031', kind: 'commune', selfApprove: false } };
const chairman = { ...editor, userName: 'c', role: 'approver' };
const cityEditor = { ...editor, unit: { code: 'so-xd', kind: 'city_department', selfApprove: true } };

describe('permissions', () => {
  it('offers editors edit on drafts and a proposal on published records, never delete of published ones', () => {
    const own = (status) => recordActions(editor, 'polluted_zones', { status, owner_unit: 'xa-hp031' });
    assert.equal(own('draft').edit, 'edit');
    assert.equal(own('draft').remove, true);
    assert.equal(own('draft').submit, true);
    assert.equal(own('published').edit, 'propose');
    assert.equal(own('published').remove, false);
    assert.equal(own('published').submit, false);
    assert.equal(own('archived').edit, null);
    assert.equal(own('archived').restore, true);
  });

  it('offers nothing on other units\' records or layers not granted', () => {
    assert.equal(recordActions(editor, 'polluted_zones', { status: 'draft', owner_unit: 'xa-hp001' }).edit, null);
    assert.equal(recordActions(editor, 'rivers', { status: 'draft', owner_unit: 'xa-hp031' }).edit, null);
    assert.equal(recordActions(null, 'polluted_zones', { status: 'draft' }).history, false);
  });

  it('lets approvers and self-approving city units change reviewed records directly', () => {
    assert.equal(mayApprove(chairman, 'xa-hp031'), true);
    assert.equal(mayApprove(editor, 'xa-hp031'), false);
    assert.equal(mayApprove(cityEditor, 'so-xd'), true);
    assert.equal(recordActions(chairman, 'polluted_zones', { status: 'published', owner_unit: 'xa-hp031' }).edit, 'edit');
  });

  it('offers restoring versions of reviewed records only to those who may approve them', () => {
    assert.equal(mayRestoreVersion(editor, 'polluted_zones', { status: 'published', owner_unit: 'xa-hp031' }), false);
    assert.equal(mayRestoreVersion(editor, 'polluted_zones', { status: 'draft', owner_unit: 'xa-hp031' }), true);
    assert.equal(mayRestoreVersion(chairman, 'polluted_zones', { status: 'published', owner_unit: 'xa-hp031' }), true);
  });

  it('says what a restore does to the status before the click, as the server says it', () => {
    assert.equal(restoreOutcome({ status: 'submitted', leavesPublicMap: true }), 'history.restoreUnpublishes');
    assert.equal(restoreOutcome({ status: 'submitted', leavesPublicMap: false }), 'history.restoreNeedsApproval');
    assert.equal(restoreOutcome({ status: 'draft', leavesPublicMap: false }), 'history.restoreAsDraft');
    assert.equal(restoreOutcome(undefined), 'history.restoreAsDraft');
  });
});

describe('permalink', () => {
  it('writes and reads the view, layers, base map, date and selection', () => {
    const hash = formatPermalink({ center: [106.7, 20.85], zoom: 12.5, layers: ['land', 'rivers'], base: 'osm', date: '2025-07-01', selection: { layer: 'rivers', id: 3 } });
    assert.equal(hash, 'map=12.5/20.85000/106.70000&layers=land,rivers&base=osm&date=2025-07-01&sel=rivers.3');
    assert.deepEqual(parsePermalink(`#${hash}`), { zoom: 12.5, center: [106.7, 20.85], layers: ['land', 'rivers'], base: 'osm', date: '2025-07-01', selection: { layer: 'rivers', id: 3 } });
  });

  it('ignores what is not a permalink', () => {
    assert.deepEqual(parsePermalink('#map=99/1000/2&layers=<script>&sel=x'), { layers: [] });
    assert.deepEqual(parsePermalink(''), {});
  });
});

describe('map tools', () => {
  it('formats lengths and areas', () => {
    assert.equal(formatLength(850.4), '850 m');
    assert.equal(formatLength(12345), '12,35 km');
    assert.equal(formatArea(950), '950 m²');
    assert.equal(formatArea(125000), '12,5 ha');
    assert.equal(formatArea(3.21e6), '3,21 km²');
  });

  it('writes the cursor in WGS 84 and VN-2000 with X = northing', () => {
    const text = cursorText([106.7, 20.85], [598667.63, 2306639.68], 'en');
    assert.equal(text.wgs, 'WGS 84: 20.85000° N, 106.70000° E');
    assert.equal(text.vn, 'VN-2000 (EPSG:9210): X 2,306,639.68 m, Y 598,667.63 m');
    assert.match(cursorText([106.7, 20.85], null, 'vi').wgs, /20,85000° B, 106,70000° Đ/);
  });

  it('picks a round scale bar length', () => {
    assert.equal(niceLength(1234), 1000);
    assert.equal(niceLength(2600), 2000);
    assert.equal(niceLength(7400), 5000);
  });

  it('filters records by their validity date', () => {
    assert.equal(validOn(null, '2030-01-01', null), true);
    assert.equal(validOn('2025-07-01', '2025-07-01', null), true);
    assert.equal(validOn('2025-06-30', '2025-07-01', null), false);
    assert.equal(validOn('2025-07-01', null, '2025-06-30T10:00:00+07:00'), false);
    assert.equal(dateOf(dayOf('2025-07-01')), '2025-07-01');
  });

  it('sorts and filters the attribute table', () => {
    const f = (name, severity, area) => ({ properties: { name, severity, area } });
    const rows = [f('B', 'high', 3), f('A', 'low', null), f('C', 'high', 1)];
    assert.deepEqual(tableRows(rows, { filter: { column: 'severity', value: 'HIGH' } }).map((r) => r.properties.name), ['B', 'C']);
    assert.deepEqual(tableRows(rows, { sort: 'area' }).map((r) => r.properties.name), ['C', 'B', 'A']);
    assert.deepEqual(tableRows(rows, { sort: 'name', descending: true }).map((r) => r.properties.name), ['C', 'B', 'A']);
  });

  it('knows the downloads and service links of a layer in one place', () => {
    assert.deepEqual(DOWNLOAD_FORMATS.map((d) => d.id), ['gpkg', 'shp', 'geojson', 'csv', 'kml', 'gml']);
    assert.equal(DOWNLOAD_FORMATS.find((d) => d.id === 'shp').path('rivers'), 'ogcapi/collections/rivers/download/shp');
    assert.match(wfsGetFeature('rivers', 'application/json'), /^wfs\?service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis%3Arivers&outputFormat=application%2Fjson$/);
    const links = serviceLinks('rivers', 'http://example.org/gis/');
    assert.equal(links.find((l) => l.id === 'ogcapi').url, 'http://example.org/gis/ogcapi/collections/rivers');
    assert.equal(links.find((l) => l.id === 'wmts').url, 'http://example.org/gis/wmts?service=WMTS&request=GetCapabilities');
    assert.equal(links.find((l) => l.id === 'iso').url, 'http://example.org/gis/ogcapi/collections/rivers/metadata');
    assert.equal(links.find((l) => l.id === 'csw').url, 'http://example.org/gis/csw?service=CSW&request=GetCapabilities');
    assert.equal(licenceOf('© OpenStreetMap contributors'), 'ODbL 1.0');
    assert.equal(licenceOf(null), null);
  });
});

describe('editing helpers', () => {
  const square = (x, y, d) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
  it('clips a polygon to the scope', () => {
    const { geometry, changed } = clipToScope({ type: 'Polygon', coordinates: square(0, 0, 2) }, [square(1, 1, 5)]);
    assert.equal(changed, true);
    assert.equal(geometry.type, 'MultiPolygon');
    const xs = geometry.coordinates[0][0].map((p) => p[0]);
    // Vertices on the scope's boundary are moved a millimetre inside it.
    assert.ok(Math.min(...xs) > 1 && Math.min(...xs) < 1 + 1e-6);
    assert.ok(Math.max(...xs) <= 2);
    assert.equal(clipToScope({ type: 'Polygon', coordinates: square(1.5, 1.5, 1) }, [square(1, 1, 5)]).changed, false);
    assert.equal(clipToScope({ type: 'Polygon', coordinates: square(10, 10, 1) }, [square(1, 1, 5)]).geometry, null);
  });

  it('sends only drafts that pass the checks', () => {
    const entry = { name: 'z', attributes: [{ name: 'name', type: 'text', required: true }] };
    const draft = { recordId: null, geometry: { type: 'Polygon', coordinates: square(106.7, 20.8, 0.01) }, texts: { name: 'A', restricted: 'false' } };
    assert.ok(readyToSend(draft, entry, { wholeCity: true }));
    assert.equal(readyToSend({ ...draft, texts: { restricted: 'false' } }, entry, { wholeCity: true }), null);
    assert.equal(readyToSend(draft, entry, { wholeCity: false, none: false, polygons: [square(100, 10, 1)] }), null);
  });
});

describe('unit picker', () => {
  it('finds units by name or code without accents', () => {
    const units = [{ code: 'xa-hp101', nameVi: 'UBND xã Hà Bắc', nameEn: 'Ha Bac' }, { code: 'so-nnmt', nameVi: 'Sở Nông nghiệp và Môi trường', nameEn: 'DAE' }];
    assert.equal(fold('Đồ Sơn'), 'do son');
    assert.deepEqual(matchUnits(units, 'ha bac').map((u) => u.code), ['xa-hp101']);
    assert.deepEqual(matchUnits(units, 'NONG NGHIEP').map((u) => u.code), ['so-nnmt']);
    assert.equal(matchUnits(units, '  ').length, 2);
  });
});
