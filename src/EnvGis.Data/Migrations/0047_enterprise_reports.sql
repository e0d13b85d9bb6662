-- Enterprise environmental reports (Art. 2.3, 5.1, 5.4; docs/operations.md "Enterprise reports"): report types the
-- administrator configures, the submissions of the enterprises that owe them (one per facility and
-- period), their documents, and the history of every step of the review.
CREATE SCHEMA reports;

CREATE TABLE reports.report_types (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code               text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
    name_vi            text NOT NULL CHECK (btrim(name_vi) <> ''),
    name_en            text NOT NULL CHECK (btrim(name_en) <> ''),
    description_vi     text NOT NULL DEFAULT '',
    description_en     text NOT NULL DEFAULT '',
    period             text NOT NULL CHECK (period IN ('year', 'half-year', 'quarter', 'month')),
    due_days           integer NOT NULL CHECK (due_days BETWEEN 0 AND 366),  -- due this many days after the period ends
    first_period       text NOT NULL,                                       -- the first period owed, e.g. 2025, 2025-Q1
    facility_layer     text NOT NULL REFERENCES catalogue.layers (name),
    facility_ids       bigint[],                                            -- null: every enterprise-owned record of the layer
    fields             jsonb NOT NULL DEFAULT '[]',                         -- the form: [{name, type, required, labelVi, labelEn}]
    attachment_kinds   jsonb NOT NULL DEFAULT '[]',                         -- required documents: [{code, labelVi, labelEn}]
    active             boolean NOT NULL DEFAULT true,
    created_by         text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         text NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reports.submissions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type_id        bigint NOT NULL REFERENCES reports.report_types (id),
    period         text NOT NULL,
    facility_layer text NOT NULL,
    facility_id    bigint NOT NULL,
    unit_code      text NOT NULL REFERENCES envgis.units (code),
    status         text NOT NULL CHECK (status IN ('draft', 'submitted', 'changes-requested', 'accepted')),
    "values"       jsonb NOT NULL DEFAULT '{}',
    version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     text NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    submitted_at   timestamptz,                  -- the last submission
    first_submitted_at timestamptz,              -- on time or not is judged on the first
    accepted_at    timestamptz,
    UNIQUE (type_id, facility_layer, facility_id, period)
);
CREATE INDEX submissions_unit_idx ON reports.submissions (unit_code, status);

-- Every step: created, changed, documents added or removed, submitted, changes requested, accepted.
CREATE TABLE reports.submission_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    submission_id  bigint NOT NULL REFERENCES reports.submissions (id),
    action         text NOT NULL CHECK (action IN ('create', 'update', 'attach', 'detach', 'submit', 'request-changes', 'accept')),
    from_status    text,
    to_status      text NOT NULL,
    version        integer NOT NULL,
    user_name      text NOT NULL,
    unit_code      text,
    comment        text,
    "values"       jsonb,
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submission_events_idx ON reports.submission_events (submission_id, id);

-- Documents of a submission; the files live in the data folder's uploads/ like record attachments.
CREATE TABLE reports.submission_files (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    submission_id  bigint NOT NULL REFERENCES reports.submissions (id),
    kind           text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,62}$'),
    file_name      text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type   text NOT NULL,
    size_bytes     bigint NOT NULL CHECK (size_bytes >= 0),
    sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    stored_path    text NOT NULL UNIQUE CHECK (stored_path ~ '^[0-9a-f]{2}/[0-9a-f]{32}\.bin$'),
    uploaded_by    text NOT NULL,
    uploaded_at    timestamptz NOT NULL DEFAULT now(),
    deleted_by     text,
    deleted_at     timestamptz,
    CHECK ((deleted_by IS NULL) = (deleted_at IS NULL))
);
CREATE INDEX submission_files_idx ON reports.submission_files (submission_id, id) WHERE deleted_at IS NULL;
