-- Tiles at city scale (docs/tiles.md). Every change to a layer's records is written to a change log
-- by statement triggers on the layer tables, whatever wrote it (records API, WFS-T, restore, publish,
-- sample data, monitoring ingestion, a manual SQL fix), and announced with NOTIFY; every EnvGis node
-- drops exactly the cached tiles the old or new geometries touch and catches up from the log after a
-- restart or a lost connection. The same triggers keep what the tile query reads fast: a copy of each
-- record's geometry in EPSG:3857 with its size and label point (tile_shapes.<layer>), and the
-- coverage of small public polygons on a grid per zoom (tile_coverage.<layer>), so small polygons are
-- drawn merged at low zooms without a union at request time.

CREATE SCHEMA tiles;          -- settings, versions and the change log
CREATE SCHEMA tile_shapes;    -- one table per layer: id, geometry in EPSG:3857, size, label point
CREATE SCHEMA tile_coverage;  -- one table per polygon layer: public small-polygon coverage cells per zoom

-- How a layer is generalised (docs/tiles.md "Generalisation"). Polygons smaller than merge_pixels at a
-- zoom up to merge_max_zoom are drawn as the coverage of their class; points closer than
-- cluster_pixels at a zoom up to cluster_max_zoom are thinned to one per grid cell with a count.
CREATE TABLE tiles.settings (
    layer             text PRIMARY KEY REFERENCES catalogue.layers (name) ON DELETE CASCADE ON UPDATE CASCADE,
    min_zoom          smallint NOT NULL DEFAULT 0 CHECK (min_zoom BETWEEN 0 AND 22),
    max_zoom          smallint NOT NULL DEFAULT 16 CHECK (max_zoom BETWEEN 0 AND 22),
    merge_pixels      real NOT NULL DEFAULT 12 CHECK (merge_pixels BETWEEN 0 AND 64),
    merge_max_zoom    smallint NOT NULL DEFAULT 12 CHECK (merge_max_zoom BETWEEN -1 AND 14),
    cluster_pixels    real NOT NULL DEFAULT 16 CHECK (cluster_pixels BETWEEN 0 AND 256),
    cluster_max_zoom  smallint NOT NULL DEFAULT 14 CHECK (cluster_max_zoom BETWEEN -1 AND 22),
    CHECK (min_zoom <= max_zoom)
);

-- The versions of a layer's data. Writers of a layer serialise on its row until they commit, so the
-- sequence numbers of a layer's changes are in commit order: a node that has applied change n of a
-- layer has applied every change before it.
CREATE TABLE tiles.layer_state (
    layer       text PRIMARY KEY REFERENCES catalogue.layers (name) ON DELETE CASCADE ON UPDATE CASCADE,
    seq         bigint NOT NULL DEFAULT 0,   -- the last change of any record
    public_seq  bigint NOT NULL DEFAULT 0    -- the last change a public record took part in (before or after)
);

-- The last change of a layer that touched a record owned by a unit (before or after the change).
CREATE TABLE tiles.owner_state (
    layer  text NOT NULL REFERENCES catalogue.layers (name) ON DELETE CASCADE ON UPDATE CASCADE,
    unit   text NOT NULL,
    seq    bigint NOT NULL,
    PRIMARY KEY (layer, unit)
);

CREATE TABLE tiles.changes (
    layer   text NOT NULL,
    seq     bigint NOT NULL,
    at      timestamptz NOT NULL DEFAULT now(),
    public  boolean NOT NULL,                 -- a public record (published, not restricted) before or after
    owners  text[] NOT NULL DEFAULT '{}',     -- owner units of the records before and after
    boxes   double precision[],               -- xmin, ymin, xmax, ymax (EPSG:4326) of every old and new geometry; null: the whole layer
    reason  text NOT NULL,
    PRIMARY KEY (layer, seq)
);
CREATE INDEX changes_at_idx ON tiles.changes (at);

-- Identifies this database (and its standbys, which copy it): a tile cache on disk made from
-- another database is not reused.
CREATE TABLE tiles.instance (
    id  uuid PRIMARY KEY DEFAULT gen_random_uuid()
);
INSERT INTO tiles.instance DEFAULT VALUES;

-- At most this many boxes are kept per change; a larger change keeps the box around all of them.
CREATE FUNCTION tiles.max_boxes() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 1000';

-- Half the width of the EPSG:3857 world, the origin of the tile grid.
CREATE FUNCTION tiles.world() RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT 20037508.342789244';

-- The larger side of a geometry's EPSG:3857 box in pixels of a 256-pixel tile at zoom 0; at zoom z it
-- is this times 2^z. Indexed, so a tile query at a low zoom reads only the records big enough to draw.
CREATE FUNCTION tiles.size0(g geometry) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT greatest(ST_XMax(g) - ST_XMin(g), ST_YMax(g) - ST_YMin(g)) / (2 * tiles.world()) * 256
$$;

-- The public: what anonymous callers see (docs/tiles.md; the same rule as Visibility in the code).
CREATE FUNCTION tiles.is_public(p_status text, p_restricted boolean) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT p_status = 'published' AND NOT p_restricted $$;

-- The cells (2 × 2 pixels, 128 per tile side, numbered from the top left of the world) of zoom z that
-- an EPSG:3857 geometry intersects. The world's half-width is a whole number of cells, so PostGIS's
-- square grid (indexed from the origin) is the same grid.
CREATE FUNCTION tiles.cells(g geometry, z integer) RETURNS TABLE (cx integer, cy integer)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT q.i + 64 * (1 << z), 64 * (1 << z) - 1 - q.j
    FROM ST_SquareGrid(2 * tiles.world() / (128 * 2 ^ z), g) AS q
    WHERE ST_Intersects(g, q.geom)
$$;

-- The class of a record for merging: the values of the layer's choice attributes (those with allowed
-- values, which styles classify by) as one text over the alias r, separated by the unit separator
-- U+001F (refused in text input). Small polygons merge only with polygons of their class.
CREATE FUNCTION tiles.class_sql(p_layer text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce('concat_ws(chr(31), '
                    || string_agg(format('coalesce(r.%I::text, %L)', name, ''), ', ' ORDER BY ordinal) || ')',
                    quote_literal(''))
    FROM catalogue.attributes WHERE layer = p_layer AND allowed_values IS NOT NULL
$$;

-- The names of those attributes, in the order of the class text.
CREATE FUNCTION tiles.class_attributes(p_layer text) RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(name ORDER BY ordinal), '{}')
    FROM catalogue.attributes WHERE layer = p_layer AND allowed_values IS NOT NULL
$$;

-- Records one change of a layer and announces it to every node (delivered when the transaction
-- commits). Returns its sequence number.
CREATE FUNCTION tiles.log_change(p_layer text, p_public boolean, p_owners text[], p_boxes double precision[], p_reason text)
    RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v_seq bigint;
BEGIN
    INSERT INTO tiles.layer_state (layer) VALUES (p_layer) ON CONFLICT (layer) DO NOTHING;
    UPDATE tiles.layer_state
    SET seq = seq + 1, public_seq = CASE WHEN p_public THEN seq + 1 ELSE public_seq END
    WHERE layer = p_layer
    RETURNING seq INTO v_seq;
    INSERT INTO tiles.owner_state (layer, unit, seq)
    SELECT p_layer, o, v_seq FROM unnest(p_owners) AS o WHERE o IS NOT NULL
    ON CONFLICT (layer, unit) DO UPDATE SET seq = excluded.seq;
    INSERT INTO tiles.changes (layer, seq, public, owners, boxes, reason)
    VALUES (p_layer, v_seq, p_public, coalesce(p_owners, '{}'), p_boxes, p_reason);
    PERFORM pg_notify('envgis_tiles', p_layer || ':' || v_seq);
    RETURN v_seq;
END
$$;

-- For other subsystems (documented in docs/tiles.md): something a layer's tiles show changed without
-- a write to its table (or the writer wants to be explicit). Cached tiles that either geometry
-- (EPSG:4326, either may be null) touches are dropped on every node; p_public says whether the
-- public could see the difference.
CREATE FUNCTION tiles.record_change(p_layer text, p_old geometry, p_new geometry, p_public boolean DEFAULT true)
    RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v_boxes double precision[] := '{}';
    g geometry;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM catalogue.layers WHERE name = p_layer) THEN
        RAISE EXCEPTION 'there is no layer named %', p_layer USING ERRCODE = 'invalid_parameter_value';
    END IF;

    FOREACH g IN ARRAY ARRAY[p_old, p_new] LOOP
        IF g IS NOT NULL AND NOT ST_IsEmpty(g) THEN
            g := CASE WHEN ST_SRID(g) IN (0, 4326) THEN ST_SetSRID(g, 4326) ELSE ST_Transform(g, 4326) END;
            v_boxes := v_boxes || ARRAY[ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g)];
        END IF;
    END LOOP;
    IF cardinality(v_boxes) = 0 THEN
        RETURN NULL;
    END IF;

    RETURN tiles.log_change(p_layer, p_public, '{}', v_boxes, 'external');
END
$$;

-- Every cached tile of a layer is dropped on every node (a catalogue change, new settings, a truncate).
CREATE FUNCTION tiles.invalidate_layer(p_layer text, p_reason text DEFAULT 'layer') RETURNS bigint
    LANGUAGE sql AS $$ SELECT tiles.log_change(p_layer, true, '{}', NULL, p_reason) $$;
