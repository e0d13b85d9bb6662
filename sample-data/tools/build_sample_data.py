#!/usr/bin/env python3
"""Builds EnvGis sample data: sample-data/units.json and sample-data/layers/<layer>.geojson.

Needs only python3 (stdlib) and psql reaching a PostGIS >= 3.1 database (the geometry work -
validity, intersections, Voronoi tessellation, geodesic areas - is done there). Connection through
the usual PG* environment variables; defaults: 127.0.0.1:55432, user envgis, database postgres.
Scratch tables are created in schema `scratch` (prefix sd_) and dropped at the end.

    python3 sample-data/tools/build_sample_data.py [--land path/to/hai_phong_land.geojson]

The land source is --land (the OSM coastline extract described in sample-data/README.md) or, by
default, the shipped sample-data/layers/land.geojson (same geometry), so the build is repeatable from
the repository alone. Everything except land/coastline is illustrative or approximate: see README.md.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LAYERS_DIR = os.path.join(ROOT, 'layers')

PG_ENV = dict(os.environ)
PG_ENV.setdefault('PGHOST', '127.0.0.1')
PG_ENV.setdefault('PGPORT', '55432')
PG_ENV.setdefault('PGUSER', 'envgis')
PG_ENV.setdefault('PGDATABASE', 'postgres')

OSM_ATTRIBUTION = '© OpenStreetMap contributors'


# --------------------------------------------------------------------------------------------
# psql helpers

def psql(sql):
    r = subprocess.run(['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1'], input=sql, text=True,
                       capture_output=True, env=PG_ENV)
    if r.returncode != 0:
        sys.exit('psql failed:\n' + r.stderr + '\n--- SQL ---\n' + sql[:3000])
    return r.stdout


def rows(sql):
    """Rows of a query as a list of dicts."""
    out = psql('SELECT coalesce(json_agg(t), \'[]\'::json) FROM (' + sql + ') t;')
    return json.loads(out)


def one(sql):
    r = rows(sql)
    return r[0] if r else None


def lit(s):
    return "'" + s.replace("'", "''") + "'"


# --------------------------------------------------------------------------------------------
# small geometry helpers (WKT in lon/lat)

def ring_wkt(coords):
    if coords[0] != coords[-1]:
        coords = coords + [coords[0]]
    return '(' + ', '.join('%.6f %.6f' % (x, y) for x, y in coords) + ')'


def poly(coords):
    return 'SRID=4326;POLYGON(' + ring_wkt(coords) + ')'


def line(coords):
    return 'SRID=4326;LINESTRING(' + ', '.join('%.6f %.6f' % (x, y) for x, y in coords) + ')'


def metres_to_deg(lat):
    return 1 / (111320.0 * math.cos(math.radians(lat))), 1 / 110574.0


def rect(lon, lat, area_ha, aspect=1.5, angle=0.0):
    """A rectangle of about area_ha centred on lon/lat, aspect = length/width, angle in degrees."""
    area = area_ha * 10000.0
    w = math.sqrt(area / aspect)
    l = w * aspect
    dx, dy = metres_to_deg(lat)
    a = math.radians(angle)
    pts = []
    for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        x, y = sx * l / 2, sy * w / 2
        xr, yr = x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a)
        pts.append((lon + xr * dx, lat + yr * dy))
    return poly(pts)


def blob(lon, lat, radius_m, seed, n=11, jitter=0.25, stretch=1.0, angle=0.0):
    """An irregular, star-shaped (hence valid) polygon around lon/lat."""
    rnd = random.Random(seed)
    dx, dy = metres_to_deg(lat)
    a0 = math.radians(angle)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        r = radius_m * (1 + rnd.uniform(-jitter, jitter))
        x, y = r * math.cos(t) * stretch, r * math.sin(t)
        xr, yr = x * math.cos(a0) - y * math.sin(a0), x * math.sin(a0) + y * math.cos(a0)
        pts.append((lon + xr * dx, lat + yr * dy))
    return poly(pts)


def nfc(obj):
    if isinstance(obj, str):
        return unicodedata.normalize('NFC', obj)
    if isinstance(obj, list):
        return [nfc(v) for v in obj]
    if isinstance(obj, dict):
        return {nfc(k): nfc(v) for k, v in obj.items()}
    return obj


# --------------------------------------------------------------------------------------------
# Fixed facts and illustrative definitions

# The 114 commune-level units from 1 July 2025 (Resolution 1669/NQ-UBTVQH15; names as listed for
# Hải Phòng in Decree 293/2025/NĐ-CP's regional minimum wage annex). Codes HP001..HP114 are this
# project's own scheme (official 5-digit codes not compiled here). Seeds are rough positions used
# only to build the ILLUSTRATIVE Voronoi tessellation.
#   (name, kind, former province, seed lon, seed lat)
COMMUNES = [
    # wards from former Hải Phòng
    ('Thủy Nguyên', 'ward', 'hai_phong', 106.665, 20.935),
    ('Thiên Hương', 'ward', 'hai_phong', 106.655, 20.962),
    ('Hòa Bình', 'ward', 'hai_phong', 106.638, 20.925),
    ('Nam Triệu', 'ward', 'hai_phong', 106.755, 20.905),
    ('Bạch Đằng', 'ward', 'hai_phong', 106.730, 20.950),
    ('Lưu Kiếm', 'ward', 'hai_phong', 106.690, 20.992),
    ('Lê Ích Mộc', 'ward', 'hai_phong', 106.605, 20.952),
    ('Hồng Bàng', 'ward', 'hai_phong', 106.670, 20.870),
    ('Hồng An', 'ward', 'hai_phong', 106.645, 20.877),
    ('Ngô Quyền', 'ward', 'hai_phong', 106.702, 20.858),
    ('Gia Viên', 'ward', 'hai_phong', 106.686, 20.866),
    ('Lê Chân', 'ward', 'hai_phong', 106.672, 20.848),
    ('An Biên', 'ward', 'hai_phong', 106.689, 20.849),
    ('Hải An', 'ward', 'hai_phong', 106.725, 20.835),
    ('Đông Hải', 'ward', 'hai_phong', 106.762, 20.852),
    ('Kiến An', 'ward', 'hai_phong', 106.625, 20.810),
    ('Phù Liễn', 'ward', 'hai_phong', 106.645, 20.795),
    ('Nam Đồ Sơn', 'ward', 'hai_phong', 106.765, 20.722),
    ('Đồ Sơn', 'ward', 'hai_phong', 106.790, 20.695),
    ('Hưng Đạo', 'ward', 'hai_phong', 106.680, 20.812),
    ('Dương Kinh', 'ward', 'hai_phong', 106.702, 20.790),
    ('An Dương', 'ward', 'hai_phong', 106.610, 20.860),
    ('An Hải', 'ward', 'hai_phong', 106.628, 20.897),
    ('An Phong', 'ward', 'hai_phong', 106.575, 20.890),
    # wards from former Hải Dương
    ('Hải Dương', 'ward', 'hai_duong', 106.330, 20.940),
    ('Lê Thanh Nghị', 'ward', 'hai_duong', 106.314, 20.928),
    ('Việt Hòa', 'ward', 'hai_duong', 106.290, 20.952),
    ('Thành Đông', 'ward', 'hai_duong', 106.350, 20.946),
    ('Nam Đồng', 'ward', 'hai_duong', 106.365, 20.915),
    ('Tân Hưng', 'ward', 'hai_duong', 106.310, 20.900),
    ('Thạch Khôi', 'ward', 'hai_duong', 106.337, 20.905),
    ('Tứ Minh', 'ward', 'hai_duong', 106.285, 20.925),
    ('Ái Quốc', 'ward', 'hai_duong', 106.385, 20.962),
    ('Chu Văn An', 'ward', 'hai_duong', 106.425, 21.152),
    ('Chí Linh', 'ward', 'hai_duong', 106.395, 21.110),
    ('Trần Hưng Đạo', 'ward', 'hai_duong', 106.445, 21.120),
    ('Nguyễn Trãi', 'ward', 'hai_duong', 106.372, 21.180),
    ('Trần Nhân Tông', 'ward', 'hai_duong', 106.455, 21.080),
    ('Lê Đại Hành', 'ward', 'hai_duong', 106.340, 21.080),
    ('Kinh Môn', 'ward', 'hai_duong', 106.545, 20.990),
    ('Nguyễn Đại Năng', 'ward', 'hai_duong', 106.510, 21.020),
    ('Trần Liễu', 'ward', 'hai_duong', 106.578, 20.975),
    ('Bắc An Phụ', 'ward', 'hai_duong', 106.515, 21.055),
    ('Phạm Sư Mạnh', 'ward', 'hai_duong', 106.560, 21.028),
    ('Nhị Chiểu', 'ward', 'hai_duong', 106.602, 21.035),
    # communes from former Hải Phòng
    ('An Hưng', 'commune', 'hai_phong', 106.600, 20.800),
    ('An Khánh', 'commune', 'hai_phong', 106.545, 20.840),
    ('An Quang', 'commune', 'hai_phong', 106.520, 20.805),
    ('An Trường', 'commune', 'hai_phong', 106.575, 20.770),
    ('An Lão', 'commune', 'hai_phong', 106.563, 20.815),
    ('Kiến Thụy', 'commune', 'hai_phong', 106.670, 20.745),
    ('Kiến Minh', 'commune', 'hai_phong', 106.640, 20.768),
    ('Kiến Hải', 'commune', 'hai_phong', 106.705, 20.725),
    ('Kiến Hưng', 'commune', 'hai_phong', 106.665, 20.705),
    ('Nghi Dương', 'commune', 'hai_phong', 106.725, 20.760),
    ('Quyết Thắng', 'commune', 'hai_phong', 106.530, 20.750),
    ('Tiên Lãng', 'commune', 'hai_phong', 106.565, 20.720),
    ('Tân Minh', 'commune', 'hai_phong', 106.600, 20.690),
    ('Tiên Minh', 'commune', 'hai_phong', 106.525, 20.700),
    ('Chấn Hưng', 'commune', 'hai_phong', 106.625, 20.662),
    ('Hùng Thắng', 'commune', 'hai_phong', 106.640, 20.640),
    ('Vĩnh Bảo', 'commune', 'hai_phong', 106.480, 20.690),
    ('Nguyễn Bỉnh Khiêm', 'commune', 'hai_phong', 106.515, 20.655),
    ('Vĩnh Am', 'commune', 'hai_phong', 106.440, 20.712),
    ('Vĩnh Hải', 'commune', 'hai_phong', 106.560, 20.630),
    ('Vĩnh Hòa', 'commune', 'hai_phong', 106.450, 20.672),
    ('Vĩnh Thuận', 'commune', 'hai_phong', 106.477, 20.727),
    ('Vĩnh Thịnh', 'commune', 'hai_phong', 106.418, 20.692),
    ('Việt Khê', 'commune', 'hai_phong', 106.580, 20.930),
    # communes from former Hải Dương
    ('Nam An Phụ', 'commune', 'hai_duong', 106.530, 20.955),
    ('Nam Sách', 'commune', 'hai_duong', 106.340, 21.000),
    ('Thái Tân', 'commune', 'hai_duong', 106.400, 21.022),
    ('Hợp Tiến', 'commune', 'hai_duong', 106.300, 21.040),
    ('Trần Phú', 'commune', 'hai_duong', 106.360, 21.045),
    ('An Phú', 'commune', 'hai_duong', 106.390, 20.988),
    ('Cẩm Giang', 'commune', 'hai_duong', 106.172, 20.958),
    ('Cẩm Giàng', 'commune', 'hai_duong', 106.152, 21.000),
    ('Tuệ Tĩnh', 'commune', 'hai_duong', 106.210, 21.010),
    ('Mao Điền', 'commune', 'hai_duong', 106.250, 20.975),
    ('Kẻ Sặt', 'commune', 'hai_duong', 106.165, 20.900),
    ('Bình Giang', 'commune', 'hai_duong', 106.200, 20.865),
    ('Đường An', 'commune', 'hai_duong', 106.152, 20.840),
    ('Thượng Hồng', 'commune', 'hai_duong', 106.220, 20.920),
    ('Gia Lộc', 'commune', 'hai_duong', 106.290, 20.865),
    ('Yết Kiêu', 'commune', 'hai_duong', 106.255, 20.835),
    ('Gia Phúc', 'commune', 'hai_duong', 106.320, 20.845),
    ('Trường Tân', 'commune', 'hai_duong', 106.250, 20.892),
    ('Tứ Kỳ', 'commune', 'hai_duong', 106.400, 20.820),
    ('Tân Kỳ', 'commune', 'hai_duong', 106.360, 20.862),
    ('Đại Sơn', 'commune', 'hai_duong', 106.350, 20.810),
    ('Chí Minh', 'commune', 'hai_duong', 106.430, 20.850),
    ('Lạc Phượng', 'commune', 'hai_duong', 106.450, 20.790),
    ('Nguyên Giáp', 'commune', 'hai_duong', 106.400, 20.775),
    ('Nguyễn Lương Bằng', 'commune', 'hai_duong', 106.282, 20.805),
    ('Phú Thái', 'commune', 'hai_duong', 106.500, 20.975),
    ('Lai Khê', 'commune', 'hai_duong', 106.435, 20.950),
    ('An Thành', 'commune', 'hai_duong', 106.545, 20.920),
    ('Kim Thành', 'commune', 'hai_duong', 106.480, 20.937),
    ('Thanh Hà', 'commune', 'hai_duong', 106.440, 20.895),
    ('Hà Tây', 'commune', 'hai_duong', 106.398, 20.915),
    ('Hà Bắc', 'commune', 'hai_duong', 106.470, 20.885),
    ('Hà Nam', 'commune', 'hai_duong', 106.490, 20.855),
    ('Hà Đông', 'commune', 'hai_duong', 106.515, 20.880),
    ('Ninh Giang', 'commune', 'hai_duong', 106.395, 20.730),
    ('Vĩnh Lại', 'commune', 'hai_duong', 106.310, 20.757),
    ('Khúc Thừa Dụ', 'commune', 'hai_duong', 106.352, 20.767),
    ('Tân An', 'commune', 'hai_duong', 106.347, 20.725),
    ('Hồng Châu', 'commune', 'hai_duong', 106.300, 20.727),
    ('Thanh Miện', 'commune', 'hai_duong', 106.235, 20.782),
    ('Bắc Thanh Miện', 'commune', 'hai_duong', 106.222, 20.815),
    ('Nam Thanh Miện', 'commune', 'hai_duong', 106.252, 20.747),
    ('Hải Hưng', 'commune', 'hai_duong', 106.180, 20.777),
    # special zones (geometry from the islands, not from seeds)
    ('Cát Hải', 'special_zone', 'hai_phong', None, None),
    ('Bạch Long Vĩ', 'special_zone', 'hai_phong', None, None),
]

# ILLUSTRATIVE outline of the new city's mainland (not the legal boundary): Quảng Ninh to the
# north-east along the Đá Bạch / Bạch Đằng rivers, Thái Bình to the south-west along the Hóa and
# Luộc rivers, Hưng Yên / Bắc Ninh to the west, Bắc Giang to the north; the sea side reaches
# offshore so that the real (OSM) coast shapes the coastal communes.
CITY_OUTLINE = [
    (106.300, 21.110), (106.330, 21.160), (106.370, 21.205), (106.400, 21.230), (106.440, 21.215),
    (106.480, 21.195), (106.485, 21.140), (106.470, 21.075), (106.520, 21.070), (106.560, 21.060),
    (106.600, 21.050), (106.630, 21.030), (106.660, 21.020), (106.700, 21.018), (106.735, 21.000),
    (106.765, 20.960), (106.790, 20.920), (106.820, 20.880), (106.855, 20.860), (106.865, 20.835),
    (106.870, 20.750), (106.840, 20.660), (106.740, 20.580), (106.640, 20.560), (106.580, 20.600),
    (106.520, 20.622), (106.470, 20.652), (106.430, 20.680), (106.400, 20.702), (106.350, 20.705),
    (106.300, 20.712), (106.250, 20.722), (106.200, 20.733), (106.165, 20.752), (106.155, 20.790),
    (106.140, 20.830), (106.130, 20.870), (106.130, 20.920), (106.138, 20.970), (106.148, 21.012),
    (106.190, 21.030), (106.240, 21.032), (106.278, 21.068), (106.300, 21.110),
]

# Island parts of the land polygon whose interior point falls here form the Cát Hải special zone
# (Cát Bà archipelago + Cát Hải island); Bạch Long Vĩ is the island near 20.13 N 107.72 E.
CAT_HAI_SELECT = [
    (106.835, 20.775), (106.842, 20.822), (106.900, 20.836), (106.950, 20.870), (107.000, 20.884),
    (107.080, 20.884), (107.140, 20.880), (107.220, 20.885), (107.220, 20.660), (106.950, 20.660),
]
BLV_CENTRE = (107.7237, 20.1333)

DISCLAIMER_VI = 'Dữ liệu minh họa EnvGis, không phải số liệu chính thức'
CC0_CITE = 'EnvGis sample data (illustrative), CC0 1.0'
APPROX_CITE = 'EnvGis sample data (approximate geometry), CC0 1.0'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--land', default=None)
    ap.add_argument('--keep', action='store_true', help='keep the scratch tables (for inspection)')
    args = ap.parse_args()
    land_path = args.land or os.path.join(LAYERS_DIR, 'land.geojson')
    os.makedirs(LAYERS_DIR, exist_ok=True)

    import layers_def  # noqa: E402  (the illustrative records; kept beside this script)
    b = Builder(land_path)
    b.base()
    b.communes()
    layers_def.build(b)
    b.write_all()
    if not args.keep:
        psql(b.cleanup_sql())
    print('done:', ', '.join('%s=%d' % (k, len(v)) for k, v in sorted(b.out.items())))


class Builder:
    """Holds the derived base geometry and collects features per layer."""

    def __init__(self, land_path):
        self.land_path = land_path
        self.out = {}          # layer -> list of features
        self.units = []
        self.commune_by_name = {}
        self.helpers = sys.modules[__name__]

    # ---------------------------------------------------------------- base: land, coastline
    def base(self):
        src = json.load(open(self.land_path, encoding='utf-8'))
        geoms = [f['geometry'] for f in src['features']]
        collect = ', '.join('ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326)' % lit(json.dumps(g)) for g in geoms)
        psql("""
            CREATE SCHEMA IF NOT EXISTS scratch;
            DROP TABLE IF EXISTS scratch.sd_land, scratch.sd_parts, scratch.sd_outline, scratch.sd_special,
                scratch.sd_mainland, scratch.sd_seeds, scratch.sd_communes, scratch.sd_city, scratch.sd_tmp;
            CREATE TABLE scratch.sd_land AS
              SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_ReducePrecision(
                       ST_Union(ARRAY[%s]), 0.000001)), 3)) AS g;
            CREATE TABLE scratch.sd_parts AS
              SELECT (d).path[1] AS i, (d).geom AS g FROM (SELECT ST_Dump(g) AS d FROM scratch.sd_land) s;
            CREATE TABLE scratch.sd_outline AS SELECT ST_GeomFromEWKT(%s) AS g;
            CREATE TABLE scratch.sd_special (code text, g geometry);
            INSERT INTO scratch.sd_special
              SELECT 'cat_hai', ST_Multi(ST_Union(p.g)) FROM scratch.sd_parts p
              WHERE ST_Within(ST_PointOnSurface(p.g), ST_GeomFromEWKT(%s));
            INSERT INTO scratch.sd_special
              SELECT 'bach_long_vi', ST_Multi(ST_Union(p.g)) FROM scratch.sd_parts p
              WHERE ST_DWithin(p.g, ST_SetSRID(ST_MakePoint(%f, %f), 4326), 0.05);
            CREATE TABLE scratch.sd_mainland AS
              SELECT ST_CollectionExtract(ST_Intersection(o.g, ST_Union(p.g)), 3) AS g
              FROM scratch.sd_outline o, scratch.sd_parts p
              WHERE ST_Intersects(o.g, p.g)
                AND NOT EXISTS (SELECT 1 FROM scratch.sd_special s WHERE ST_Intersects(s.g, p.g))
              GROUP BY o.g;
        """ % (collect, lit(poly(CITY_OUTLINE)), lit(poly(CAT_HAI_SELECT)), BLV_CENTRE[0], BLV_CENTRE[1]))
        land = one('SELECT ST_AsGeoJSON(ST_ForcePolygonCCW(g), 6)::json AS g, ST_IsValid(g) AS ok, ST_NumGeometries(g) AS n FROM scratch.sd_land')
        assert land['ok']
        self.land_geojson = land['g']
        self.add('land', self.land_geojson, {
            'name': 'Đất liền và đảo (OSM)',
        }, owner='so-nnmt', status='published',
            source='OpenStreetMap, via npm @geo-maps/countries-coastline-1m 0.6.0 (A3=VNM), clipped to lon 106.0–107.9, lat 20.0–21.4',
            citation=OSM_ATTRIBUTION + ', ODbL 1.0')
        self.add('coastline', self.coastline(self.land_geojson), {
            'name': 'Đường bờ biển đất liền và các đảo (OSM)',
            'source_scale': '1:1 000 000',
        }, owner='so-nnmt', status='published',
            source='Boundary of the OSM land polygons (npm @geo-maps/countries-coastline-1m 0.6.0) without the clip-box edges',
            citation=OSM_ATTRIBUTION + ', ODbL 1.0')

    @staticmethod
    def coastline(mp):
        """Polygon rings minus the parts lying on the clip box edges, as a MultiLineString."""
        edges = ((0, 106.0), (0, 107.9), (1, 20.0), (1, 21.4))

        def on_box(p, q):
            return any(abs(p[ax] - v) < 1e-9 and abs(q[ax] - v) < 1e-9 for ax, v in edges)

        lines = []
        for polygon in mp['coordinates']:
            for ring in polygon:
                segs = [(ring[k], ring[k + 1]) for k in range(len(ring) - 1)]
                keep = [not on_box(p, q) for p, q in segs]
                if all(keep):
                    lines.append([list(p) for p in ring])
                    continue
                # rotate so that we start right after a removed segment
                start = keep.index(False)
                order = list(range(start + 1, len(segs))) + list(range(0, start + 1))
                cur = []
                for k in order:
                    if keep[k]:
                        if not cur:
                            cur = [list(segs[k][0])]
                        cur.append(list(segs[k][1]))
                    elif cur:
                        lines.append(cur)
                        cur = []
                if cur:
                    lines.append(cur)
        lines = [l for l in lines if len(l) >= 2]
        return {'type': 'MultiLineString', 'coordinates': lines}

    # ---------------------------------------------------------------- communes
    def communes(self):
        values = []
        for idx, (name, kind, fp, lon, lat) in enumerate(COMMUNES, start=1):
            code = 'HP%03d' % idx
            self.commune_by_name[name] = code
            values.append('(%s, %s, %s, %s, %s)' % (
                lit(code), lit(name), lit(kind), lit(fp),
                'NULL' if lon is None else 'ST_SetSRID(ST_MakePoint(%f, %f), 4326)' % (lon, lat)))
        cat_hai = self.commune_by_name['Cát Hải']
        blv = self.commune_by_name['Bạch Long Vĩ']
        psql("""
            CREATE TABLE scratch.sd_seeds (code text, name text, kind text, fp text, g geometry);
            INSERT INTO scratch.sd_seeds VALUES %s;
            CREATE TABLE scratch.sd_communes AS
              SELECT s.code, s.name, s.kind, s.fp,
                     ST_Multi(ST_CollectionExtract(ST_Intersection(c.g, m.g), 3)) AS g
              FROM (SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(g), 0,
                                ST_Expand(ST_Collect(g), 2)))).geom AS g
                    FROM scratch.sd_seeds WHERE g IS NOT NULL) c
              JOIN scratch.sd_seeds s ON s.g IS NOT NULL AND ST_Contains(c.g, s.g)
              CROSS JOIN scratch.sd_mainland m;
            INSERT INTO scratch.sd_communes
              SELECT s.code, s.name, s.kind, s.fp, sp.g FROM scratch.sd_seeds s
              JOIN scratch.sd_special sp ON (s.code = %s AND sp.code = 'cat_hai')
                                         OR (s.code = %s AND sp.code = 'bach_long_vi');
            UPDATE scratch.sd_communes
               SET g = ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_ReducePrecision(g, 0.000001)), 3));
            CREATE TABLE scratch.sd_city AS SELECT ST_Union(g) AS g FROM scratch.sd_communes;
        """ % (',\n'.join(values), lit(cat_hai), lit(blv)))
        res = rows("""
            SELECT code, name, kind, fp, ST_AsGeoJSON(ST_ForcePolygonCCW(g), 6)::json AS geom, ST_IsValid(g) AS ok,
                   round((ST_Area(g::geography) / 1e6)::numeric, 2)::float AS km2
            FROM scratch.sd_communes ORDER BY code""")
        assert len(res) == len(COMMUNES), 'expected %d communes, got %d' % (len(COMMUNES), len(res))
        for r in res:
            assert r['ok'] and r['km2'] > 0, r['code']
            self.add('communes', r['geom'], {
                'code': r['code'], 'name': r['name'], 'kind': r['kind'],
                'former_province': r['fp'], 'area_km2': r['km2'],
            }, owner='so-nnmt', status='published', valid_from='2025-07-01',
                source='Tên, loại đơn vị: Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025). Ranh giới: MINH HỌA '
                       '(Voronoi quanh vị trí gần đúng, cắt theo đất liền OSM), không phải địa giới chính thức',
                citation='EnvGis sample data; land ' + OSM_ATTRIBUTION + ', ODbL 1.0')
        # one unit per commune
        for name, kind, fp, lon, lat in COMMUNES:
            code = self.commune_by_name[name]
            prefix = {'ward': ('Phường', 'ward'), 'commune': ('Xã', 'commune'),
                      'special_zone': ('Đặc khu', 'special zone')}[kind]
            self.units.append({
                'code': 'xa-' + code.lower(),
                'name_vi': 'UBND %s %s' % (prefix[0].lower() if kind != 'special_zone' else 'đặc khu', name),
                'name_en': "People's Committee of %s %s" % (strip_accents(name), prefix[1]),
                'kind': 'commune', 'commune_code': code, 'self_approve': False,
            })

    def commune_unit(self, name):
        return 'xa-' + self.commune_by_name[name].lower()

    def commune_at(self, lon, lat):
        r = one('SELECT code FROM scratch.sd_communes WHERE ST_Intersects(g, ST_SetSRID(ST_MakePoint(%f, %f), 4326))'
                % (lon, lat))
        return r['code'] if r else None

    # ---------------------------------------------------------------- features
    def add(self, layer, geometry, attrs, owner, status, source, citation, restricted=None,
            commune_code=None, valid_from=None, valid_to=None):
        props = {k: v for k, v in attrs.items() if v is not None}
        props['owner_unit'] = owner
        props['status'] = status
        if restricted is not None:
            props['restricted'] = restricted
        if commune_code is not None:
            props['commune_code'] = commune_code
        if valid_from is not None:
            props['valid_from'] = valid_from
        if valid_to is not None:
            props['valid_to'] = valid_to
        props['source'] = source
        props['citation'] = citation
        self.out.setdefault(layer, []).append(
            {'type': 'Feature', 'geometry': geometry, 'properties': nfc(props)})

    def geom(self, ewkt_sql, kind):
        """Evaluate an SQL geometry expression; return GeoJSON of the requested Multi/Point type."""
        if kind == 'MultiPolygon':
            expr = ('ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_ReducePrecision(%s, 0.000001)), 3)))'
                    % ewkt_sql)
        elif kind == 'MultiLineString':
            expr = 'ST_Multi(ST_CollectionExtract(ST_ReducePrecision(%s, 0.000001), 2))' % ewkt_sql
        else:
            expr = ewkt_sql
        r = one('SELECT ST_AsGeoJSON(g, 6)::json AS j, ST_IsValid(g) AS ok, ST_IsEmpty(g) AS empty, '
                'ST_Area(g::geography) / 10000 AS ha, ST_Length(g::geography) / 1000 AS km '
                'FROM (SELECT %s AS g) s' % expr)
        assert r['ok'] and not r['empty'], ewkt_sql[:200]
        return r['j'], r['ha'], r['km']

    def write_all(self):
        for layer, feats in self.out.items():
            with open(os.path.join(LAYERS_DIR, layer + '.geojson'), 'w', encoding='utf-8') as f:
                # one feature per line: small, and readable in diffs
                f.write('{"type":"FeatureCollection","features":[\n')
                f.write(',\n'.join(json.dumps(ft, ensure_ascii=False, separators=(',', ':')) for ft in feats))
                f.write('\n]}\n')
        with open(os.path.join(ROOT, 'units.json'), 'w', encoding='utf-8') as f:
            json.dump(nfc(self.units), f, ensure_ascii=False, indent=2)
            f.write('\n')

    @staticmethod
    def cleanup_sql():
        return """DROP TABLE IF EXISTS scratch.sd_land, scratch.sd_parts, scratch.sd_outline,
            scratch.sd_special, scratch.sd_mainland, scratch.sd_seeds, scratch.sd_communes,
            scratch.sd_city, scratch.sd_tmp;"""


def strip_accents(s):
    s = s.replace('Đ', 'D').replace('đ', 'd')
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')


if __name__ == '__main__':
    sys.dont_write_bytecode = True   # no __pycache__ inside the repository
    sys.path.insert(0, HERE)
    main()
