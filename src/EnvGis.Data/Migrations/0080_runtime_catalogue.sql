-- The catalogue edited at run time (docs/catalogue.md): the administrator adds layers, attributes and
-- changes titles without a restart. Every change is one transaction that migrates the layer's table
-- with these functions (identifiers quoted by format %I, values by %L inside the database), writes a
-- history entry and bumps the catalogue's version; the tile change log tells every node to reload.

-- Every catalogue change: who, when, what (the entry before and after, as JSON).
CREATE TABLE catalogue.history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    user_name  text NOT NULL,
    action     text NOT NULL CHECK (action IN ('add-layer', 'change-layer', 'add-attribute', 'change-attribute',
                                               'remove-attribute', 'change-category')),
    layer      text,
    attribute  text,
    category   integer,
    before     jsonb,
    after      jsonb
);
CREATE INDEX history_layer_idx ON catalogue.history (layer, id);

-- The values of a removed attribute, kept when its column goes (history entries keep them as well).
CREATE TABLE catalogue.retired_values (
    change_id  bigint NOT NULL REFERENCES catalogue.history (id),
    layer      text NOT NULL,
    attribute  text NOT NULL,
    record_id  bigint NOT NULL,
    value      jsonb NOT NULL,
    PRIMARY KEY (change_id, record_id)
);

-- The catalogue's version: every run-time change moves it on; a node that loaded an older one reloads.
CREATE TABLE catalogue.version (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version   bigint NOT NULL DEFAULT 0
);
INSERT INTO catalogue.version DEFAULT VALUES;

-- The one way to make a layer's table, for migrations and the run-time catalogue alike: the columns
-- and constraints from the catalogue, the history trigger, and the tile triggers, shapes and coverage.
CREATE FUNCTION catalogue.make_layer_table(p_layer text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM catalogue.create_layer_table(p_layer);
    PERFORM catalogue.track_record_history(p_layer);
    PERFORM tiles.track_layer(p_layer);
END
$$;

-- A layer's catalogue entry as JSON (the history's before/after).
CREATE FUNCTION catalogue.layer_json(p_layer text) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT (to_jsonb(l) - 'data_version') || jsonb_build_object('attributes', coalesce(
        (SELECT jsonb_agg(to_jsonb(a) - 'layer' ORDER BY a.ordinal) FROM catalogue.attributes AS a WHERE a.layer = l.name), '[]'::jsonb))
    FROM catalogue.layers AS l WHERE l.name = p_layer
$$;

CREATE FUNCTION catalogue.attribute_json(p_layer text, p_name text) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT to_jsonb(a) - 'layer' FROM catalogue.attributes AS a WHERE a.layer = p_layer AND a.name = p_name
$$;

-- The allowed values of a column: its CHECK constraints on that column alone are replaced.
CREATE FUNCTION catalogue.set_allowed_values(p_layer text, p_name text, p_allowed text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_constraint name;
BEGIN
    FOR v_constraint IN
        SELECT c.conname FROM pg_constraint AS c
        JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attname = p_name
        WHERE c.conrelid = format('data.%I', p_layer)::regclass AND c.contype = 'c' AND c.conkey = ARRAY[a.attnum]
    LOOP
        EXECUTE format('ALTER TABLE data.%I DROP CONSTRAINT %I', p_layer, v_constraint);
    END LOOP;
    IF p_allowed IS NOT NULL THEN
        EXECUTE format('ALTER TABLE data.%I ADD CHECK (%I = ANY (%L::text[]))', p_layer, p_name, p_allowed);
    END IF;
END
$$;

-- A new attribute's column. A default fills the existing records as the column appears (a schema
-- change: no record is written, so neither history nor versions move) and is then dropped.
CREATE FUNCTION catalogue.add_attribute_column(p_layer text, p_name text, p_type text, p_required boolean,
                                               p_allowed text[], p_default text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p_name = ANY (catalogue.reserved_columns()) THEN
        RAISE EXCEPTION 'attribute % of layer % uses a reserved column name', p_name, p_layer;
    END IF;
    EXECUTE format('ALTER TABLE data.%I ADD COLUMN %I %s', p_layer, p_name, catalogue.sql_type(p_type))
        || CASE WHEN p_default IS NULL THEN '' ELSE format(' DEFAULT %L::%s', p_default, catalogue.sql_type(p_type)) END;
    IF p_default IS NOT NULL THEN
        EXECUTE format('ALTER TABLE data.%I ALTER COLUMN %I DROP DEFAULT', p_layer, p_name);
    END IF;
    IF p_required THEN
        EXECUTE format('ALTER TABLE data.%I ALTER COLUMN %I SET NOT NULL', p_layer, p_name);
    END IF;
    PERFORM catalogue.set_allowed_values(p_layer, p_name, p_allowed);
END
$$;

-- A changed attribute's column: its type (every value converted or the change fails), whether it is
-- required, and its allowed values.
CREATE FUNCTION catalogue.alter_attribute_column(p_layer text, p_name text, p_type text, p_required boolean,
                                                 p_allowed text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_sql_type text := catalogue.sql_type(p_type);
BEGIN
    PERFORM catalogue.set_allowed_values(p_layer, p_name, NULL);
    IF (SELECT a.atttypid FROM pg_attribute AS a
        WHERE a.attrelid = format('data.%I', p_layer)::regclass AND a.attname = p_name) <> v_sql_type::regtype THEN
        EXECUTE format('ALTER TABLE data.%I ALTER COLUMN %I TYPE %s USING %I::%s', p_layer, p_name, v_sql_type, p_name, v_sql_type);
    END IF;
    EXECUTE format('ALTER TABLE data.%I ALTER COLUMN %I %s NOT NULL', p_layer, p_name, CASE WHEN p_required THEN 'SET' ELSE 'DROP' END);
    PERFORM catalogue.set_allowed_values(p_layer, p_name, p_allowed);
END
$$;

-- A removed attribute: its values go to catalogue.retired_values under the history entry, then its column.
CREATE FUNCTION catalogue.retire_attribute_column(p_layer text, p_name text, p_change bigint) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v_count bigint;
BEGIN
    EXECUTE format('INSERT INTO catalogue.retired_values (change_id, layer, attribute, record_id, value)
                    SELECT %L, %L, %L, r.id, to_jsonb(r.%I) FROM data.%I AS r WHERE r.%I IS NOT NULL',
                   p_change, p_layer, p_name, p_name, p_layer, p_name);
    GET DIAGNOSTICS v_count = ROW_COUNT;
    EXECUTE format('ALTER TABLE data.%I DROP COLUMN %I', p_layer, p_name);
    RETURN v_count;
END
$$;

-- Moves the catalogue's version on (in the changing transaction).
CREATE FUNCTION catalogue.bump_version() RETURNS bigint LANGUAGE sql AS $$
    UPDATE catalogue.version SET version = version + 1 RETURNING version
$$;
