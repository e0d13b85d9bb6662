-- The statement triggers of every layer table (docs/tiles.md): after each INSERT, UPDATE, DELETE or
-- TRUNCATE they keep tile_shapes.<layer> and tile_coverage.<layer> in step and write one entry to
-- the change log with the boxes of the old and new geometries. Set-based (transition tables), so a
-- bulk load costs one pass, and in the writer's transaction, so nothing is logged for a rollback.

CREATE FUNCTION tiles.spread(v integer) RETURNS bigint LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    x bigint := v;
BEGIN
    x := (x | (x << 16)) & 281470681808895;        -- 0x0000FFFF0000FFFF
    x := (x | (x << 8)) & 71777214294589695;        -- 0x00FF00FF00FF00FF
    x := (x | (x << 4)) & 1085102592571150095;      -- 0x0F0F0F0F0F0F0F0F
    x := (x | (x << 2)) & 3689348814741910323;      -- 0x3333333333333333
    x := (x | (x << 1)) & 6148914691236517205;      -- 0x5555555555555555
    RETURN x;
END
$$;

-- Interleaves the bits of two non-negative integers (Z-order): the cells of an aligned square block,
-- such as a tile, form one contiguous range of codes, which one index range scan reads.
CREATE FUNCTION tiles.morton(x integer, y integer) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT tiles.spread(x) | (tiles.spread(y) << 1)
$$;

-- The properties a record shows in vector tiles, as jsonb over the alias r: its attributes and public
-- metadata (status, validity, source, citation), dates as ISO 8601 text (MVT has no date type), nulls
-- left out. Kept in tile_shapes, so a tile reads one table.
CREATE FUNCTION tiles.props_sql(p_layer text) RETURNS text LANGUAGE sql STABLE AS $$
    WITH c AS (
        SELECT a.ordinal, a.name, a.type FROM catalogue.attributes AS a WHERE a.layer = p_layer
        UNION ALL
        SELECT 1000 + m.ordinal, m.name, m.type
        FROM (VALUES (1, 'status', 'text'), (2, 'valid_from', 'date'), (3, 'valid_to', 'date'),
                     (4, 'source', 'text'), (5, 'citation', 'text')) AS m (ordinal, name, type)),
    e AS (
        SELECT ordinal, format('%L, %s', name, CASE type
            WHEN 'date' THEN format('to_char(r.%I, ''YYYY-MM-DD'')', name)
            WHEN 'datetime' THEN format('to_char(r.%I AT TIME ZONE ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS"Z"'')', name)
            ELSE format('r.%I', name) END) AS pair,
            (row_number() OVER (ORDER BY ordinal) - 1) / 40 AS chunk
        FROM c),
    chunks AS (SELECT 'jsonb_build_object(' || string_agg(pair, ', ' ORDER BY ordinal) || ')' AS call FROM e GROUP BY chunk)
    SELECT 'jsonb_strip_nulls(' || string_agg(call, ' || ') || ')' FROM chunks
$$;

-- SQL that upserts into tile_shapes.<layer> the records of relation p_rows (a layer table's rows).
CREATE FUNCTION tiles.upsert_shapes_sql(p_layer text, p_rows text) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT format($q$
        INSERT INTO tile_shapes.%1$I AS s (id, geom, size0, label_lon, label_lat, public, props)
        SELECT r.id, g.geom, tiles.size0(g.geom), %2$s, tiles.is_public(r.status, r.restricted), %4$s
        FROM %3$s AS r CROSS JOIN LATERAL (SELECT ST_Transform(r.geom, 3857) AS geom) AS g
        ON CONFLICT (id) DO UPDATE
        SET geom = excluded.geom, size0 = excluded.size0, label_lon = excluded.label_lon, label_lat = excluded.label_lat,
            public = excluded.public, props = excluded.props
        $q$, p_layer,
        CASE WHEN l.geometry_type = 'MultiPolygon'
             THEN 'ST_X(ST_PointOnSurface(r.geom)), ST_Y(ST_PointOnSurface(r.geom))' ELSE 'NULL, NULL' END,
        p_rows, tiles.props_sql(p_layer))
    FROM catalogue.layers AS l WHERE l.name = p_layer
$$;

-- A shape as MVT geometry in tile units (0–4096, y down) of the tile env, its vertices on a grid of
-- p_grid units (16: the pixel; 1: the tile's own grid), anchored at the tile's corner, which is on
-- that grid for every tile of the zoom. Shapes inside the tile are moved and snapped directly (outer
-- rings turned as MVT wants them); shapes across its edge are snapped the same way and clipped to
-- the tile and its buffer by ST_AsMVTGeom. A shape that collapses on the grid keeps the tile's own
-- grid instead.
CREATE FUNCTION tiles.mvt_geom(g geometry, env geometry, p_grid double precision) RETURNS geometry
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN g @ env THEN (
        SELECT ST_ForcePolygonCCW(CASE WHEN ST_IsEmpty(s.g) THEN ST_SnapToGrid(a.g, 0, 0, 1, 1) ELSE s.g END)
        FROM (SELECT ST_Affine(g, 4096 / (ST_XMax(env) - ST_XMin(env)), 0, 0, -4096 / (ST_YMax(env) - ST_YMin(env)),
                               -ST_XMin(env) * 4096 / (ST_XMax(env) - ST_XMin(env)), ST_YMax(env) * 4096 / (ST_YMax(env) - ST_YMin(env))) AS g) AS a,
             LATERAL (SELECT ST_SnapToGrid(a.g, 0, 0, p_grid, p_grid) AS g) AS s)
    ELSE (
        SELECT ST_AsMVTGeom(CASE WHEN ST_IsEmpty(s.g) THEN g ELSE s.g END, env::box2d, 4096, 64, true)
        FROM (SELECT ST_SnapToGrid(g, -tiles.world(), tiles.world(), p_grid * (ST_XMax(env) - ST_XMin(env)) / 4096,
                                   p_grid * (ST_XMax(env) - ST_XMin(env)) / 4096) AS g) AS s)
    END
$$;

-- SQL that adds to tile_coverage.<layer> the cells of p_delta (sign, class, geom in EPSG:3857, size0):
-- +1 for a public polygon that appears, -1 for one that goes, at every zoom where it is small.
CREATE FUNCTION tiles.apply_coverage_sql(p_layer text, p_delta text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT format($q$
        INSERT INTO tile_coverage.%1$I AS t (z, m, class, n)
        SELECT z, tiles.morton(c.cx, c.cy), d.class, sum(d.sign)
        FROM (%2$s) AS d
        CROSS JOIN generate_series(%3$s, %4$s) AS z
        CROSS JOIN LATERAL tiles.cells(d.geom, z) AS c
        WHERE d.size0 * 2 ^ z < %5$s
        GROUP BY 1, 2, 3
        HAVING sum(d.sign) <> 0
        ON CONFLICT (z, m, class) DO UPDATE SET n = t.n + excluded.n
        $q$, p_layer, p_delta, s.min_zoom, s.merge_max_zoom, s.merge_pixels)
    FROM tiles.settings AS s WHERE s.layer = p_layer
$$;

-- The statement trigger of INSERT, UPDATE and DELETE on a layer table.
CREATE FUNCTION tiles.on_layer_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_layer    text := TG_TABLE_NAME;
    v_polygons boolean := (SELECT geometry_type = 'MultiPolygon' FROM catalogue.layers WHERE name = TG_TABLE_NAME);
    v_class    text := tiles.class_sql(TG_TABLE_NAME);
    v_shapes   text := format('tile_shapes.%I', TG_TABLE_NAME);
    v_old      text := 'SELECT r.id, r.geom, r.owner_unit AS owner, tiles.is_public(r.status, r.restricted) AS public, '
                       || v_class || ' AS class FROM old_rows AS r';
    v_new      text := replace(v_old, 'old_rows', 'new_rows');
    v_rows     text := CASE TG_OP WHEN 'INSERT' THEN v_new WHEN 'DELETE' THEN v_old ELSE v_old || ' UNION ALL ' || v_new END;
    v_count    bigint;
    v_public   boolean;
    v_owners   text[];
    v_boxes    double precision[];
BEGIN
    EXECUTE format('SELECT count(*), coalesce(bool_or(d.public), false), coalesce(array_agg(DISTINCT d.owner), ''{}'') FROM (%s) AS d', v_rows)
        INTO v_count, v_public, v_owners;
    IF v_count = 0 THEN
        RETURN NULL;
    END IF;

    -- Coverage of what goes, read from the shapes as they still are.
    IF v_polygons AND TG_OP = 'DELETE' THEN
        EXECUTE tiles.apply_coverage_sql(v_layer, format(
            'SELECT -1 AS sign, o.class, s.geom, s.size0 FROM (%s) AS o JOIN %s AS s ON s.id = o.id WHERE o.public', v_old, v_shapes));
    ELSIF v_polygons AND TG_OP = 'UPDATE' THEN
        EXECUTE tiles.apply_coverage_sql(v_layer, format($q$
            WITH o AS (%1$s), n AS (%2$s),
                 moved AS (SELECT coalesce(o.id, n.id) AS id FROM o FULL JOIN n ON n.id = o.id
                           WHERE o.id IS NULL OR n.id IS NULL OR o.geom IS DISTINCT FROM n.geom
                              OR o.public IS DISTINCT FROM n.public OR o.class IS DISTINCT FROM n.class)
            SELECT -1 AS sign, o.class, s.geom, s.size0 FROM o JOIN moved USING (id) JOIN %3$s AS s ON s.id = o.id WHERE o.public
            UNION ALL
            SELECT 1, n.class, g.geom, tiles.size0(g.geom)
            FROM n JOIN moved USING (id) CROSS JOIN LATERAL (SELECT ST_Transform(n.geom, 3857) AS geom) AS g WHERE n.public
            $q$, v_old, v_new, v_shapes));
    END IF;

    -- The shapes.
    IF TG_OP = 'DELETE' THEN
        EXECUTE format('DELETE FROM %s AS s USING old_rows AS r WHERE s.id = r.id', v_shapes);
    ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE format('DELETE FROM %s AS s USING old_rows AS r WHERE s.id = r.id AND NOT EXISTS (SELECT 1 FROM new_rows AS n WHERE n.id = r.id)', v_shapes);
        EXECUTE tiles.upsert_shapes_sql(v_layer, 'new_rows');
    ELSE
        EXECUTE tiles.upsert_shapes_sql(v_layer, 'new_rows');
    END IF;

    -- Coverage of what appears, from the new shapes.
    IF v_polygons AND TG_OP = 'INSERT' THEN
        EXECUTE tiles.apply_coverage_sql(v_layer, format(
            'SELECT 1 AS sign, n.class, s.geom, s.size0 FROM (%s) AS n JOIN %s AS s ON s.id = n.id WHERE n.public', v_new, v_shapes));
    END IF;

    -- After a bulk write the planner needs fresh size statistics (autovacuum would come later).
    IF v_count >= 10000 THEN
        EXECUTE format('ANALYZE %s', v_shapes);
    END IF;

    -- One change with the boxes of every old and new geometry (or the box around them all).
    EXECUTE format($q$
        WITH b AS (SELECT DISTINCT ST_XMin(d.geom) AS x0, ST_YMin(d.geom) AS y0, ST_XMax(d.geom) AS x1, ST_YMax(d.geom) AS y1
                   FROM (%s) AS d)
        SELECT CASE WHEN count(*) <= tiles.max_boxes()
                    THEN (SELECT array_agg(v ORDER BY b.x0, b.y0, b.x1, b.y1, k)
                          FROM b CROSS JOIN LATERAL unnest(ARRAY[b.x0, b.y0, b.x1, b.y1]) WITH ORDINALITY AS u(v, k))
                    ELSE ARRAY[min(x0), min(y0), max(x1), max(y1)] END
        FROM b
        $q$, v_rows) INTO v_boxes;
    PERFORM tiles.log_change(v_layer, v_public, v_owners, v_boxes, lower(TG_OP));
    RETURN NULL;
END
$$;

CREATE FUNCTION tiles.on_layer_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('TRUNCATE tile_shapes.%I', TG_TABLE_NAME);
    IF to_regclass(format('tile_coverage.%I', TG_TABLE_NAME)) IS NOT NULL THEN
        EXECUTE format('TRUNCATE tile_coverage.%I', TG_TABLE_NAME);
    END IF;
    PERFORM tiles.invalidate_layer(TG_TABLE_NAME, 'truncate');
    RETURN NULL;
END
$$;

-- Fills a layer's shapes and coverage afresh from its table (new settings or classes, or a layer
-- tracked after it had records).
CREATE FUNCTION tiles.rebuild_layer(p_layer text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_table text := format('data.%I', p_layer);
BEGIN
    IF to_regclass(v_table) IS NULL OR to_regclass(format('tile_shapes.%I', p_layer)) IS NULL THEN
        RETURN;
    END IF;

    EXECUTE format('TRUNCATE tile_shapes.%I', p_layer);
    EXECUTE tiles.upsert_shapes_sql(p_layer, v_table);
    IF to_regclass(format('tile_coverage.%I', p_layer)) IS NOT NULL THEN
        EXECUTE format('TRUNCATE tile_coverage.%I', p_layer);
        EXECUTE tiles.apply_coverage_sql(p_layer, format(
            'SELECT 1 AS sign, %s AS class, s.geom, s.size0 FROM %s AS r JOIN tile_shapes.%I AS s ON s.id = r.id WHERE tiles.is_public(r.status, r.restricted)',
            tiles.class_sql(p_layer), v_table, p_layer));
        EXECUTE format('ANALYZE tile_coverage.%I', p_layer);
    END IF;

    -- The planner needs the sizes' statistics to read big shapes through the size index at low zooms.
    EXECUTE format('ANALYZE tile_shapes.%I', p_layer);
END
$$;

-- Gives a layer table its tile triggers, shapes and coverage. A migration (or the run-time catalogue)
-- that adds a layer calls it after catalogue.create_layer_table; the server also tracks, at start,
-- every layer that is not tracked yet (tiles.track_all).
CREATE FUNCTION tiles.track_layer(p_layer text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_kind    text;
    v_trigger name;
BEGIN
    SELECT geometry_type INTO STRICT v_kind FROM catalogue.layers WHERE name = p_layer;
    INSERT INTO tiles.settings (layer) VALUES (p_layer) ON CONFLICT DO NOTHING;
    INSERT INTO tiles.layer_state (layer) VALUES (p_layer) ON CONFLICT DO NOTHING;
    EXECUTE format($ddl$
        CREATE TABLE IF NOT EXISTS tile_shapes.%1$I (
            id         bigint PRIMARY KEY,
            geom       geometry(Geometry, 3857) NOT NULL,
            size0      double precision NOT NULL,   -- tiles.size0: pixels at zoom 0
            label_lon  double precision,            -- polygons: a point inside, the same in every tile
            label_lat  double precision,
            public     boolean NOT NULL,            -- tiles.is_public: published and not restricted
            props      jsonb NOT NULL)              -- tiles.props_sql: what the record shows in a tile$ddl$, p_layer);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON tile_shapes.%I USING gist (geom)', p_layer || '_geom_idx', p_layer);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON tile_shapes.%I (size0)', p_layer || '_size_idx', p_layer);
    -- The records the public does not see, usually few: read on their own for the callers who see them.
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON data.%I USING gist (geom) WHERE status <> ''published'' OR restricted',
                   p_layer || '_hidden_geom_idx', p_layer);
    IF v_kind = 'MultiPolygon' THEN
        -- n: how many small public polygons of the class cover cell m (tiles.morton) at zoom z.
        EXECUTE format($ddl$
            CREATE TABLE IF NOT EXISTS tile_coverage.%1$I (
                z      smallint NOT NULL,
                m      bigint NOT NULL,
                class  text NOT NULL,
                n      integer NOT NULL,
                PRIMARY KEY (z, m, class) INCLUDE (n))$ddl$, p_layer);
    END IF;

    FOR v_trigger IN SELECT tgname FROM pg_trigger
                     WHERE tgrelid = format('data.%I', p_layer)::regclass AND tgname LIKE 'tiles\_%' LOOP
        EXECUTE format('DROP TRIGGER %I ON data.%I', v_trigger, p_layer);
    END LOOP;
    EXECUTE format('CREATE TRIGGER tiles_insert AFTER INSERT ON data.%I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tiles.on_layer_change()', p_layer);
    EXECUTE format('CREATE TRIGGER tiles_update AFTER UPDATE ON data.%I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tiles.on_layer_change()', p_layer);
    EXECUTE format('CREATE TRIGGER tiles_delete AFTER DELETE ON data.%I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tiles.on_layer_change()', p_layer);
    EXECUTE format('CREATE TRIGGER tiles_truncate AFTER TRUNCATE ON data.%I
                    FOR EACH STATEMENT EXECUTE FUNCTION tiles.on_layer_truncate()', p_layer);
    PERFORM tiles.rebuild_layer(p_layer);
END
$$;

-- Tracks every catalogue layer whose table exists but has no tile triggers yet; returns how many.
CREATE FUNCTION tiles.track_all() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_layer text;
    v_count integer := 0;
BEGIN
    FOR v_layer IN
        SELECT l.name FROM catalogue.layers AS l
        WHERE to_regclass(format('data.%I', l.name)) IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM pg_trigger AS t
                          WHERE t.tgrelid = to_regclass(format('data.%I', l.name)) AND t.tgname = 'tiles_insert')
        ORDER BY l.name
    LOOP
        PERFORM tiles.track_layer(v_layer);
        v_count := v_count + 1;
    END LOOP;
    RETURN v_count;
END
$$;

-- Catalogue changes change what tiles hold (attributes, classes, titles): every cached tile of the
-- layer goes, and new classes rebuild its coverage. New layers get their settings and state rows.
CREATE FUNCTION tiles.on_catalogue_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_layer text := CASE WHEN TG_OP = 'DELETE' THEN (to_jsonb(OLD) ->> CASE TG_TABLE_NAME WHEN 'layers' THEN 'name' ELSE 'layer' END)
                         ELSE (to_jsonb(NEW) ->> CASE TG_TABLE_NAME WHEN 'layers' THEN 'name' ELSE 'layer' END) END;
BEGIN
    IF TG_TABLE_NAME = 'layers' AND TG_OP = 'INSERT' THEN
        INSERT INTO tiles.settings (layer) VALUES (v_layer) ON CONFLICT DO NOTHING;
        INSERT INTO tiles.layer_state (layer) VALUES (v_layer) ON CONFLICT DO NOTHING;
        RETURN NULL;
    END IF;

    IF TG_TABLE_NAME = 'layers' AND TG_OP = 'DELETE' THEN
        -- The layer's state went with it: announce the end without a version.
        EXECUTE format('DROP TABLE IF EXISTS tile_shapes.%1$I; DROP TABLE IF EXISTS tile_coverage.%1$I', v_layer);
        INSERT INTO tiles.changes (layer, seq, public, boxes, reason)
        VALUES (v_layer, coalesce((SELECT max(seq) FROM tiles.changes WHERE layer = v_layer), 0) + 1, true, NULL, 'dropped');
        PERFORM pg_notify('envgis_tiles', v_layer || ':dropped');
        RETURN NULL;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM catalogue.layers WHERE name = v_layer) THEN
        RETURN NULL;
    END IF;

    IF TG_TABLE_NAME IN ('attributes', 'settings') THEN
        PERFORM tiles.rebuild_layer(v_layer);
    END IF;

    PERFORM tiles.invalidate_layer(v_layer, CASE TG_TABLE_NAME WHEN 'settings' THEN 'settings' ELSE 'catalogue' END);
    RETURN NULL;
END
$$;

CREATE TRIGGER tiles_catalogue AFTER INSERT OR DELETE ON catalogue.layers
    FOR EACH ROW EXECUTE FUNCTION tiles.on_catalogue_change();
-- Not for the data_version bump that every write to a layer table makes.
CREATE TRIGGER tiles_catalogue_update AFTER UPDATE ON catalogue.layers
    FOR EACH ROW WHEN ((to_jsonb(OLD) - 'data_version') IS DISTINCT FROM (to_jsonb(NEW) - 'data_version'))
    EXECUTE FUNCTION tiles.on_catalogue_change();
CREATE TRIGGER tiles_catalogue AFTER INSERT OR UPDATE OR DELETE ON catalogue.attributes
    FOR EACH ROW EXECUTE FUNCTION tiles.on_catalogue_change();
CREATE TRIGGER tiles_settings AFTER UPDATE ON tiles.settings
    FOR EACH ROW EXECUTE FUNCTION tiles.on_catalogue_change();

INSERT INTO tiles.settings (layer) SELECT name FROM catalogue.layers ON CONFLICT DO NOTHING;
INSERT INTO tiles.layer_state (layer) SELECT name FROM catalogue.layers ON CONFLICT DO NOTHING;
SELECT tiles.track_all();
