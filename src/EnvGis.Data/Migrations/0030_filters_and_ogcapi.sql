-- The filter model and the OGC API (docs/filters.md, docs/ogcapi.md).

-- ACCENTI (CQL2 accent-insensitive comparison): unaccent drops Vietnamese tones and marks (also as
-- combining characters) and maps đ/Đ to d/D; the translate() keeps đ/Đ right whatever rules file
-- the server's unaccent uses. Immutable so that it may be used in indexes.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

CREATE FUNCTION envgis.accent_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT public.unaccent('public.unaccent'::regdictionary, translate(value, 'đĐ', 'dD'))
$$;

-- Changes through the OGC API (Part 4) are recorded as channel 'ogcapi'. The check is rebuilt from
-- its current definition, so values other migrations added are kept.
DO $$
DECLARE
    definition text;
BEGIN
    SELECT pg_get_constraintdef(c.oid) INTO definition
    FROM pg_constraint AS c
    WHERE c.conrelid = 'envgis.record_history'::regclass AND c.conname = 'record_history_channel_check';
    IF definition IS NOT NULL AND position('''ogcapi''' IN definition) = 0 THEN
        ALTER TABLE envgis.record_history DROP CONSTRAINT record_history_channel_check;
        EXECUTE 'ALTER TABLE envgis.record_history ADD CONSTRAINT record_history_channel_check '
            || replace(definition, '''system''::text', '''system''::text, ''ogcapi''::text');
    END IF;
END
$$;
