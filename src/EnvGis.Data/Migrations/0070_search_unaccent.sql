-- Accent-insensitive search (docs/portal.md): "cat ba" finds "Cát Bà", "do son" finds "Đồ Sơn".
-- PostgreSQL's unaccent dictionary folds Vietnamese letters with diacritics (Latin-1, Latin Extended-A
-- and Latin Extended Additional), đ/Đ included, to their base letters. The two-argument call names
-- the dictionary, so the wrapper can be IMMUTABLE (usable in expression indexes).

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION envgis.search_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(unaccent('unaccent'::regdictionary, $1));
