-- Documents attached to layer records (EIA reports, permit decisions, inspection minutes, photos).
-- The file itself lives in the data folder (uploads/, never under wwwroot) under a generated name;
-- this row keeps what the uploader called it, the type decided by the server from the content, the
-- size and the SHA-256. Deleting is a soft delete (deleted_at/deleted_by) with an audit_log entry;
-- who may read an attachment follows the visibility of its record.

CREATE TABLE envgis.attachments (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    layer         text NOT NULL,
    record_id     bigint NOT NULL,
    file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type  text NOT NULL,
    size_bytes    bigint NOT NULL CHECK (size_bytes >= 0),
    sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    stored_path   text NOT NULL UNIQUE CHECK (stored_path ~ '^[0-9a-f]{2}/[0-9a-f]{32}\.bin$'),
    uploaded_by   text NOT NULL,
    unit_code     text,
    uploaded_at   timestamptz NOT NULL DEFAULT now(),
    deleted_by    text,
    deleted_at    timestamptz,
    CHECK ((deleted_by IS NULL) = (deleted_at IS NULL))
);
CREATE INDEX attachments_record_idx ON envgis.attachments (layer, record_id, id) WHERE deleted_at IS NULL;
