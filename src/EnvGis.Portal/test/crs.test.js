import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VN2000_TOWGS84, epsgCode, fromWgs84, toWgs84, transformGeometry } from '../src/core/crs.js';
import { isVn2000Name, parseWkt, readPrj } from '../src/edit/prj.js';

// The test vector of docs/vietnam-gis.md (PROJ 9.1, cs2cs EPSG:4326 EPSG:9210 / 9209).
const LON = 106.7;
const LAT = 20.85;
const E9210 = [598667.63, 2306639.68];
const E9209 = [624686.78, 2306813.16];
const CM = 0.01; // 1 cm

const closeTo = (actual, expected, tolerance, what) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);

describe('VN-2000 TM-3 (crs.js)', () => {
  it('uses the position-vector shift of Decision 05/2007 (rotations +0.00928836, -0.01975479, +0.00427372)', () => {
    assert.equal(VN2000_TOWGS84, '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278');
  });

  it('puts 20.85 N 106.70 E where PROJ does in EPSG:9210, to 1 cm', () => {
    const [e, n] = fromWgs84('EPSG:9210')([LON, LAT]);
    closeTo(e, E9210[0], CM, 'easting');
    closeTo(n, E9210[1], CM, 'northing');
  });

  it('puts 20.85 N 106.70 E where PROJ does in EPSG:9209, to 1 cm', () => {
    const [e, n] = fromWgs84('EPSG:9209')([LON, LAT]);
    closeTo(e, E9209[0], CM, 'easting');
    closeTo(n, E9209[1], CM, 'northing');
  });

  it('brings the test vector back to 20.85 N 106.70 E (1 cm ≈ 1e-7 degree)', () => {
    for (const [code, en] of [['EPSG:9210', E9210], ['EPSG:9209', E9209]]) {
      const [lon, lat] = toWgs84(code)(en);
      closeTo(lon, LON, 1e-7, `${code} longitude`);
      closeTo(lat, LAT, 1e-7, `${code} latitude`);
    }
  });

  it('would be about 0.75 m off with the rotation signs flipped (the sign trap)', async () => {
    const { default: proj4 } = await import('proj4');
    const flipped = '-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278';
    const wrong = proj4('EPSG:4326', `+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${flipped} +units=m +no_defs`)
      .forward([LON, LAT]);
    const offset = Math.hypot(wrong[0] - E9210[0], wrong[1] - E9210[1]);
    assert.ok(offset > 0.5 && offset < 1.0, `flipped rotations move the point ${offset} m`);
  });

  it('reads EPSG references in their usual spellings', () => {
    assert.equal(epsgCode('EPSG:9210'), 'EPSG:9210');
    assert.equal(epsgCode('urn:ogc:def:crs:EPSG::9210'), 'EPSG:9210');
    assert.equal(epsgCode('urn:ogc:def:crs:EPSG:9.9.1:9209'), 'EPSG:9209');
    assert.equal(epsgCode('http://www.opengis.net/def/crs/EPSG/0/9210'), 'EPSG:9210');
    assert.equal(epsgCode('urn:ogc:def:crs:OGC:1.3:CRS84'), 'EPSG:4326');
    assert.equal(epsgCode('EPSG::4326'), 'EPSG:4326');
    assert.equal(epsgCode('local'), null);
  });

  it('transforms every position of a geometry and keeps its shape', () => {
    const polygon = { type: 'Polygon', coordinates: [[E9210, [E9210[0] + 100, E9210[1]], [E9210[0], E9210[1] + 100], E9210]] };
    const out = transformGeometry(polygon, toWgs84('EPSG:9210'));
    assert.equal(out.type, 'Polygon');
    assert.equal(out.coordinates[0].length, 4);
    closeTo(out.coordinates[0][0][0], LON, 1e-7, 'lon');
    assert.deepEqual(out.coordinates[0][0], out.coordinates[0][3]);
  });
});

// What GDAL 3.6 writes (ogr2ogr -a_srs EPSG:9210 → .prj) and gdalsrsinfo -o wkt1 EPSG:9209.
const ESRI_9210 = 'PROJCS["VN-2000_TM-3_105-45",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.75],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const OGC_9209 = `PROJCS["VN-2000 / TM-3 105-30",
    GEOGCS["VN-2000", DATUM["Vietnam_2000", SPHEROID["WGS 84",6378137,298.257223563, AUTHORITY["EPSG","7030"]], AUTHORITY["EPSG","6756"]],
        PRIMEM["Greenwich",0, AUTHORITY["EPSG","8901"]], UNIT["degree",0.0174532925199433, AUTHORITY["EPSG","9122"]], AUTHORITY["EPSG","4756"]],
    PROJECTION["Transverse_Mercator"], PARAMETER["latitude_of_origin",0], PARAMETER["central_meridian",105.5],
    PARAMETER["scale_factor",0.9999], PARAMETER["false_easting",500000], PARAMETER["false_northing",0],
    UNIT["metre",1, AUTHORITY["EPSG","9001"]], AXIS["Easting",EAST], AXIS["Northing",NORTH], AUTHORITY["EPSG","9209"]]`;

describe('.prj files (prj.js)', () => {
  it('parses WKT into nodes', () => {
    const node = parseWkt('UNIT["Meter",1.0]');
    assert.deepEqual(node, { keyword: 'UNIT', args: ['Meter', 1] });
    assert.throws(() => parseWkt('UNIT["Meter",1.0'), /Invalid WKT/);
  });

  it('recognises VN-2000 datum names', () => {
    for (const name of ['D_Vietnam_2000', 'Vietnam_2000', 'VN-2000', 'GCS_VN_2000', 'VN2000', 'Viet Nam 2000']) {
      assert.ok(isVn2000Name(name), name);
    }
    assert.ok(!isVn2000Name('D_WGS_1984'));
  });

  it('reads the ESRI .prj GDAL writes for EPSG:9210 (no TOWGS84) as EPSG:9210 with the exact shift', () => {
    const prj = readPrj(ESRI_9210);
    assert.equal(prj.code, 'EPSG:9210');
    assert.ok(prj.vn2000);
  });

  it('reads the OGC WKT of EPSG:9209 by its authority', () => {
    assert.equal(readPrj(OGC_9209).code, 'EPSG:9209');
  });

  it('gives another VN-2000 TM-3 zone the exact shift too', () => {
    const prj = readPrj(ESRI_9210.replace('105.75', '107.75'));
    assert.equal(prj.code, null);
    assert.match(prj.proj4, /\+lon_0=107\.75/);
    assert.ok(prj.proj4.includes(`+towgs84=${VN2000_TOWGS84}`));
  });

  it('ignores a TOWGS84 with flipped signs in a VN-2000 .prj', () => {
    const wkt = ESRI_9210.replace('DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]]',
      'DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563],TOWGS84[-191.90441,-39.30318,-111.45033,-0.00928836,0.01975479,-0.00427372,0.252906278]]');
    assert.equal(readPrj(wkt).code, 'EPSG:9210');
  });

  it('reads geographic WGS 84 and leaves other systems to proj4', () => {
    assert.equal(readPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]').code, 'EPSG:4326');
    const utm = readPrj('PROJCS["WGS_1984_UTM_Zone_48N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]');
    assert.equal(utm.code, null);
    assert.ok(utm.proj4.startsWith('PROJCS'));
  });

  it('refuses VN-2000 in feet and unreadable text', () => {
    assert.throws(() => readPrj(ESRI_9210.replace('UNIT["Meter",1.0]', 'UNIT["Foot_US",0.3048006096012192]')), /unit/);
    assert.throws(() => readPrj('not a prj'), /WKT/);
  });
});
