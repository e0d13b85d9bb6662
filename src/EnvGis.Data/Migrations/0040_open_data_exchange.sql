-- Open data and the exchange with the Ministry (docs/open-data.md).

-- The change feed orders history entries by the transaction that wrote them, then by id. Identity ids
-- are handed out when a row is inserted, not when its transaction commits, so a reader that only
-- remembered the last id could skip an entry that commits later with a smaller id. With the writing
-- transaction's id beside each entry, a reader takes only entries of transactions older than the
-- oldest one still running (pg_snapshot_xmin): that part of the history is final, and a cursor
-- (transaction, id) over it never skips anything.
ALTER TABLE envgis.record_history ADD COLUMN xact xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX record_history_feed_idx ON envgis.record_history (xact, id);

-- Shared category lists (danh mục dùng chung, Decision 454/QĐ-BTNMT): versioned code tables. A list
-- has numbered versions; a published version never changes, a new one replaces it as the current one.
CREATE TABLE envgis.code_lists (
    code       text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_.-]{1,80}$'),
    title_vi   text NOT NULL,
    title_en   text NOT NULL,
    source     text NOT NULL DEFAULT 'manual' -- 'catalogue' and 'data' lists start from what the system holds
);

CREATE TABLE envgis.code_list_versions (
    list          text NOT NULL REFERENCES envgis.code_lists (code),
    version       integer NOT NULL CHECK (version >= 1),
    published_at  timestamptz NOT NULL DEFAULT now(),
    published_by  text NOT NULL,
    note          text,
    PRIMARY KEY (list, version)
);

CREATE TABLE envgis.code_list_items (
    list      text NOT NULL,
    version   integer NOT NULL,
    ordinal   integer NOT NULL,
    code      text NOT NULL CHECK (btrim(code) <> '' AND length(code) <= 100),
    label_vi  text NOT NULL,
    label_en  text NOT NULL,
    parent    text,
    PRIMARY KEY (list, version, code),
    FOREIGN KEY (list, version) REFERENCES envgis.code_list_versions (list, version)
);

-- Published versions are immutable: corrections are a new version.
CREATE FUNCTION envgis.code_list_items_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published code list version cannot be changed; publish a new version';
END
$$;
CREATE TRIGGER code_list_items_frozen BEFORE UPDATE OR DELETE ON envgis.code_list_items
    FOR EACH ROW EXECUTE FUNCTION envgis.code_list_items_frozen();

INSERT INTO envgis.code_lists (code, title_vi, title_en, source) VALUES
    ('article5-categories', 'Nhóm dữ liệu môi trường (Điều 5)', 'Environmental data categories (Article 5)', 'catalogue'),
    ('communes', 'Đơn vị hành chính cấp xã', 'Commune-level administrative units', 'data'),
    ('units', 'Cơ quan, đơn vị quản lý dữ liệu', 'Units that manage data', 'data');

-- One list per attribute with allowed values (e.g. protected_areas.kind), from the catalogue.
INSERT INTO envgis.code_lists (code, title_vi, title_en, source)
SELECT a.layer || '.' || a.name, l.title_vi || ' – ' || a.label_vi, l.title_en || ' – ' || a.label_en, 'catalogue'
FROM catalogue.attributes AS a JOIN catalogue.layers AS l ON l.name = a.layer
WHERE a.allowed_values IS NOT NULL;
