#!/usr/bin/env python3
"""Validates sample-data/ against the layer catalogue of a migrated EnvGis database.

Needs python3 (stdlib) and psql reaching a database where migrations 0001/0002 have run (PG*
environment variables; defaults 127.0.0.1:55432, user envgis, database postgres).

1. File checks in Python: units.json; every catalogue layer has layers/<layer>.geojson; RFC 7946
   FeatureCollection; geometry type; <= 6 decimals; property keys = attributes + metadata keys;
   required attributes; value types, date/datetime formats, allowed values; owner_unit exists;
   commune_code exists; strings in NFC.
2. Database checks inside one transaction that is ROLLED BACK: units go into envgis.units and every
   feature into data.<layer> (so NOT NULL, CHECK, foreign keys and ST_IsValid of the real tables
   apply), then: communes tessellate (no overlaps, sum of areas = area of union), the Cát Bà
   national park contains POINT(107.05 20.80), commune-owned records lie in their commune, given
   commune_code values match the geometry, points of land layers lie in the city.

Exit status 0 when everything passes.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ENV = dict(os.environ)
for k, v in (('PGHOST', '127.0.0.1'), ('PGPORT', '55432'), ('PGUSER', 'envgis'), ('PGDATABASE', 'postgres')):
    ENV.setdefault(k, v)

META = {'owner_unit', 'status', 'restricted', 'commune_code', 'valid_from', 'valid_to', 'source', 'citation'}
STATUSES = {'draft', 'submitted', 'approved', 'published', 'rejected', 'archived'}
KINDS = {'department', 'city_department', 'economic_zone_authority', 'commune', 'enterprise', 'client'}
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
DATETIME = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$')
CODE = re.compile(r'^[a-z0-9][a-z0-9_.-]{1,62}$')
# point layers whose records may lie at sea (coastal water, incidents on shipping lanes)
SEA_OK = {'environmental_incidents', 'monitoring_stations', 'species_occurrences'}

# Inserts the features of one layer one by one into data.<layer> (so that the real constraints
# apply); returns "<number loaded>|<errors of the others>".
LOAD_FN = r"""
CREATE FUNCTION pg_temp.load(p_layer text, doc jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE cols text; rcols text; f jsonb; i int := 0; n int := 0; errs text[] := '{}';
BEGIN
  SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
         string_agg('r.' || quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols, rcols
    FROM information_schema.columns WHERE table_schema = 'data' AND table_name = p_layer
     AND column_name NOT IN ('id', 'created_at', 'updated_at', 'version');
  FOR f IN SELECT jsonb_array_elements(doc->'features') LOOP
    BEGIN
      EXECUTE format('INSERT INTO data.%I (%s) SELECT %s FROM jsonb_populate_record(NULL::data.%I, '
                     'jsonb_build_object(''restricted'', false) || ($1->''properties'') || '
                     'jsonb_build_object(''created_by'', ''sample-validator'', ''updated_by'', '
                     '''sample-validator'', ''geom'', '
                     'ST_AsEWKT(ST_SetSRID(ST_GeomFromGeoJSON($1->''geometry''), 4326)))) r',
                     p_layer, cols, rcols, p_layer) USING f;
      n := n + 1;
    EXCEPTION WHEN others THEN
      errs := errs || format('[%s] %s', i, SQLERRM);
    END;
    i := i + 1;
  END LOOP;
  RETURN n || '|' || array_to_string(errs, '; ');
END $$;
"""

errors = []


def err(msg):
    errors.append(msg)


def psql(sql, check=True):
    r = subprocess.run(['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1'], input=sql, text=True,
                       capture_output=True, env=ENV)
    if check and r.returncode != 0:
        sys.exit('psql failed:\n' + r.stderr)
    return r


def rows(sql):
    return json.loads(psql("SELECT coalesce(json_agg(t), '[]'::json) FROM (%s) t;" % sql).stdout)


def decimals_ok(coords):
    if isinstance(coords[0], (int, float)):
        return all(len(repr(float(c)).split('.')[1].rstrip('0')) <= 6 if '.' in repr(float(c)) and 'e' not in repr(float(c))
                   else True for c in coords)
    return all(decimals_ok(c) for c in coords)


def check_strings(obj, where):
    if isinstance(obj, str):
        if unicodedata.normalize('NFC', obj) != obj:
            err('%s: string not NFC: %r' % (where, obj[:40]))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            check_strings(k, where)
            check_strings(v, where)
    elif isinstance(obj, list):
        for v in obj:
            check_strings(v, where)


def main():
    layers = {r['name']: r for r in rows('SELECT name, geometry_type, restricted FROM catalogue.layers')}
    attrs = {}
    for a in rows('SELECT layer, name, type, required, allowed_values FROM catalogue.attributes ORDER BY layer, ordinal'):
        attrs.setdefault(a['layer'], {})[a['name']] = a

    # ---------------------------------------------------------------- units
    units = json.load(open(os.path.join(ROOT, 'units.json'), encoding='utf-8'))
    check_strings(units, 'units.json')
    codes = {}
    for u in units:
        if set(u) != {'code', 'name_vi', 'name_en', 'kind', 'commune_code', 'self_approve'}:
            err('unit %s: keys %s' % (u.get('code'), sorted(u)))
        if not CODE.match(u['code']):
            err('unit code %r' % u['code'])
        if u['code'] in codes:
            err('duplicate unit %s' % u['code'])
        if u['kind'] not in KINDS:
            err('unit %s kind %s' % (u['code'], u['kind']))
        if not isinstance(u['self_approve'], bool):
            err('unit %s self_approve' % u['code'])
        codes[u['code']] = u
    for need in ('so-nnmt', 'bql-kkt', 'ket-noi-bo-nnmt', 'so-xay-dung', 'so-cong-thuong', 'so-y-te', 'so-khcn'):
        if need not in codes:
            err('missing unit ' + need)

    communes = json.load(open(os.path.join(ROOT, 'layers', 'communes.geojson'), encoding='utf-8'))
    commune_codes = {f['properties']['code'] for f in communes['features']}
    commune_units = [u for u in units if u['kind'] == 'commune']
    if len(commune_units) != len(commune_codes):
        err('%d commune units for %d communes' % (len(commune_units), len(commune_codes)))
    for u in commune_units:
        if u['commune_code'] not in commune_codes or u['code'] != 'xa-' + u['commune_code'].lower() or u['self_approve']:
            err('commune unit %s' % u['code'])
    for u in units:
        if u['commune_code'] is not None and u['commune_code'] not in commune_codes:
            err('unit %s: unknown commune_code %s' % (u['code'], u['commune_code']))

    # ---------------------------------------------------------------- layer files
    counts = {}
    for layer, meta in sorted(layers.items()):
        path = os.path.join(ROOT, 'layers', layer + '.geojson')
        if not os.path.exists(path):
            err('missing ' + path)
            continue
        fc = json.load(open(path, encoding='utf-8'))
        if fc.get('type') != 'FeatureCollection' or set(fc) - {'type', 'features'}:
            err(layer + ': not a plain FeatureCollection')
        la = attrs.get(layer, {})
        for i, f in enumerate(fc['features']):
            w = '%s[%d]' % (layer, i)
            check_strings(f['properties'], w)
            g = f['geometry']
            if g['type'] != meta['geometry_type']:
                err('%s: geometry %s, catalogue %s' % (w, g['type'], meta['geometry_type']))
            if not decimals_ok(g['coordinates']):
                err(w + ': more than 6 decimals')
            p = f['properties']
            extra = set(p) - set(la) - META
            if extra:
                err('%s: unknown keys %s' % (w, sorted(extra)))
            for k in ('owner_unit', 'status', 'source', 'citation'):
                if k not in p:
                    err('%s: missing %s' % (w, k))
            if p.get('owner_unit') not in codes:
                err('%s: owner_unit %s not in units.json' % (w, p.get('owner_unit')))
            if p.get('status') not in STATUSES:
                err('%s: status %s' % (w, p.get('status')))
            if 'restricted' in p and not isinstance(p['restricted'], bool):
                err(w + ': restricted not boolean')
            if 'commune_code' in p and p['commune_code'] not in commune_codes:
                err(w + ': commune_code unknown')
            for k in ('valid_from', 'valid_to'):
                if k in p and not (isinstance(p[k], str) and DATE.match(p[k])):
                    err('%s: %s not a date' % (w, k))
            for name, a in la.items():
                if name not in p or p[name] is None:
                    if a['required']:
                        err('%s: required %s missing' % (w, name))
                    continue
                v = p[name]
                t = a['type']
                ok = {'text': isinstance(v, str),
                      'integer': isinstance(v, int) and not isinstance(v, bool),
                      'number': isinstance(v, (int, float)) and not isinstance(v, bool),
                      'boolean': isinstance(v, bool),
                      'date': isinstance(v, str) and bool(DATE.match(v)),
                      'datetime': isinstance(v, str) and bool(DATETIME.match(v))}[t]
                if not ok:
                    err('%s: %s=%r is not %s' % (w, name, v, t))
                if a['allowed_values'] and v not in a['allowed_values']:
                    err('%s: %s=%r not allowed' % (w, name, v))
            st = p.get('status')
            c = counts.setdefault(layer, {})
            c[st] = c.get(st, 0) + 1
            if p.get('restricted'):
                c['restricted'] = c.get('restricted', 0) + 1

    # ---------------------------------------------------------------- database load (rolled back)
    with tempfile.TemporaryDirectory() as tmp:
        sql = ["BEGIN;", "SET client_min_messages = warning;", LOAD_FN]
        upath = os.path.join(tmp, 'units.json')
        with open(upath, 'w', encoding='utf-8') as f:
            json.dump(units, f, ensure_ascii=False)
        sql.append("\\set doc `cat %s`" % upath)
        sql.append("INSERT INTO envgis.units (code, name_vi, name_en, kind, commune_code, self_approve) "
                   "SELECT code, name_vi, name_en, kind, commune_code, self_approve FROM "
                   "jsonb_populate_recordset(NULL::envgis.units, :'doc'::jsonb);")
        for layer in sorted(layers):
            path = os.path.join(ROOT, 'layers', layer + '.geojson')
            if os.path.exists(path):
                sql.append("\\set doc `cat %s`" % path)
                sql.append("SELECT 'loaded', %s, pg_temp.load(%s, :'doc'::jsonb);" % (q(layer), q(layer)))
        checks = [
            ("communes count/kinds",
             "SELECT kind, count(*) FROM data.communes GROUP BY kind ORDER BY kind"),
            ("communes tessellation (sum of areas, area of union, overlap area) km2",
             "SELECT round((sum(ST_Area(geom::geography)) / 1e6)::numeric, 3) AS sum_km2, "
             "round((ST_Area(ST_Union(geom)::geography) / 1e6)::numeric, 3) AS union_km2, "
             "(SELECT round(coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)), 0)::numeric, 1) "
             "  FROM data.communes a JOIN data.communes b ON a.id < b.id AND ST_Overlaps(a.geom, b.geom)) AS overlap_m2 "
             "FROM data.communes"),
            ("national park contains POINT(107.05 20.80)",
             "SELECT name, status FROM data.protected_areas WHERE kind = 'national_park' "
             "AND ST_Contains(geom, ST_SetSRID(ST_MakePoint(107.05, 20.80), 4326))"),
        ]
        for label, q_ in checks:
            sql.append("SELECT %s, json_agg(t) FROM (%s) t;" % (q(label), q_))
        # commune-owned records inside their commune; given commune_code consistent with geometry
        for layer in sorted(layers):
            sql.append(
                "SELECT 'owner-outside', %s, json_agg(x.id) FROM data.%s x JOIN data.communes c "
                "ON c.code = upper(substr(x.owner_unit, 4)) WHERE x.owner_unit LIKE 'xa-%%' "
                "AND NOT ST_CoveredBy(x.geom, c.geom);" % (q(layer), layer))
            sql.append(
                "SELECT 'commune_code-mismatch', %s, json_agg(x.id) FROM data.%s x JOIN data.communes c "
                "ON c.code = x.commune_code WHERE NOT ST_Intersects(c.geom, ST_PointOnSurface(x.geom));"
                % (q(layer), layer))
            if layers[layer]['geometry_type'] == 'Point':
                tol = 0.02 if layer in SEA_OK else 0
                sql.append(
                    "SELECT 'point-outside-city', %s, json_agg(x.id) FROM data.%s x WHERE NOT EXISTS "
                    "(SELECT 1 FROM data.communes c WHERE ST_DWithin(c.geom, x.geom, %s));" % (q(layer), layer, tol))
        sql.append("SELECT 'status-counts', json_object_agg(s, n) FROM (SELECT status s, count(*) n FROM ("
                   + ' UNION ALL '.join('SELECT status FROM data.%s' % l for l in sorted(layers)) + ") u GROUP BY status) t;")
        sql.append("ROLLBACK;")
        r = psql('\n'.join(sql), check=False)
    if r.returncode != 0:
        err('database load failed: ' + r.stderr.strip())
    for line in r.stdout.splitlines():
        parts = line.split('|')
        if parts[0] == 'loaded' and len(parts) > 3 and parts[3]:
            err('%s: rejected by the database: %s' % (parts[1], parts[3]))
        if parts[0] in ('owner-outside', 'commune_code-mismatch', 'point-outside-city'):
            if parts[2]:
                err('%s in %s: ids %s' % (parts[0], parts[1], parts[2]))
        else:
            print('  ' + line)
            if parts[0] == 'national park contains POINT(107.05 20.80)' and 'published' not in line:
                err('no published national park contains POINT(107.05 20.80)')
            if parts[0].startswith('communes tessellation'):
                t = json.loads(parts[1])[0]
                if abs(t['sum_km2'] - t['union_km2']) > 0.01 or t['overlap_m2'] > 1000:
                    err('communes overlap: %s' % t)
    size = sum(os.path.getsize(os.path.join(dp, fn)) for dp, _, fns in os.walk(ROOT) for fn in fns)
    print('  total size of sample-data: %.2f MB' % (size / 1e6))
    if size > 3e6:
        err('sample-data larger than 3 MB')
    print('  per layer and status:')
    for layer, c in sorted(counts.items()):
        print('    %-24s %s' % (layer, ', '.join('%s=%d' % kv for kv in sorted(c.items()))))
    if errors:
        print('FAILED:')
        for e in errors:
            print('  - ' + e)
        sys.exit(1)
    print('OK')


def q(s):
    return "'" + s.replace("'", "''") + "'"


if __name__ == '__main__':
    main()
