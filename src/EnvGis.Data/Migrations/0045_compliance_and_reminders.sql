-- Monthly update compliance (Art. 6.2, 7.2a, 11.1e) and the reminders the system sends (docs/operations.md "Monthly update compliance").
-- What a unit changed in a month is read from envgis.record_history; this adds a unit's explicit
-- "no change this month" declaration and the history of reminders and notices sent (each once).

-- Compliance reads a unit's history entries of one month.
CREATE INDEX record_history_unit_at_idx ON envgis.record_history (unit_code, at);
-- ... and the first approval after a commune's edit.
CREATE INDEX record_history_approve_idx ON envgis.record_history (layer, record_id, id) WHERE action = 'approve';

-- "No change this month" (không có thay đổi trong tháng), with the unit's comment.
CREATE TABLE envgis.update_declarations (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code    text NOT NULL REFERENCES envgis.units (code),
    month        date NOT NULL CHECK (extract(day FROM month) = 1),
    comment      text NOT NULL CHECK (btrim(comment) <> '' AND length(comment) <= 2000),
    declared_by  text NOT NULL,
    declared_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (unit_code, month)
);

-- Reminders before a deadline and notices after it, one row per (kind, unit, period): the unique key
-- is what makes each one sent once, across restarts and across several server nodes. The portal shows
-- a unit's rows; the e-mail columns say what happened to the message (sent at most once).
CREATE TABLE envgis.reminders (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('update-due', 'update-overdue', 'account-review', 'report-due', 'report-overdue')),
    unit_code       text NOT NULL REFERENCES envgis.units (code),
    period          text NOT NULL CHECK (length(period) BETWEEN 1 AND 200),
    due_at          timestamptz,
    subject_vi      text NOT NULL,
    subject_en      text NOT NULL,
    body_vi         text NOT NULL,
    body_en         text NOT NULL,
    link            text,                      -- where in the portal the notice leads (relative)
    created_at      timestamptz NOT NULL DEFAULT now(),
    email_to        text[] NOT NULL DEFAULT '{}',
    email_status    text NOT NULL CHECK (email_status IN ('pending', 'sent', 'failed', 'not-configured', 'no-address')),
    email_attempts  integer NOT NULL DEFAULT 0,
    email_sent_at   timestamptz,
    email_error     text,
    UNIQUE (kind, unit_code, period)
);
CREATE INDEX reminders_unit_idx ON envgis.reminders (unit_code, created_at DESC);
CREATE INDEX reminders_pending_idx ON envgis.reminders (id) WHERE email_status = 'pending';
