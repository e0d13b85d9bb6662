-- Accounts per unit (Art. 4), their custody and handover (Art. 4.3), sign-ins, API tokens, the
-- administrator's audit log, and each unit's data scope (Art. 9.2, 10): editable layers, spatial
-- scope and the status new records start in.

-- Unit settings: the status records inserted by the unit start in (Art. 7), and the rule that a
-- commune's data needs its chairman's approval (Art. 7.2a), so a commune never approves itself.
ALTER TABLE envgis.units
    ADD COLUMN new_record_status text NOT NULL DEFAULT 'draft' CHECK (new_record_status IN ('draft', 'submitted')),
    ADD CONSTRAINT units_commune_not_self_approving CHECK (kind <> 'commune' OR NOT self_approve);

CREATE TABLE envgis.users (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name        text NOT NULL UNIQUE CHECK (user_name ~ '^[a-z0-9][a-z0-9_.@-]{1,62}$'),
    unit_code        text NOT NULL REFERENCES envgis.units (code),
    role             text NOT NULL CHECK (role IN ('administrator', 'editor', 'approver', 'reporter', 'client')),
    client_can_write boolean NOT NULL DEFAULT false,      -- client accounts: read-write when granted
    holder_name      text,                                -- the named person responsible (Art. 4.3)
    holder_contact   text,
    holder_since     timestamptz,
    password_hash    text,                                -- ASP.NET Core PasswordHasher; null: no password sign-in
    security_stamp   uuid NOT NULL DEFAULT gen_random_uuid(), -- changes with the password or the holder
    disabled         boolean NOT NULL DEFAULT false,
    failed_attempts  integer NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    last_used_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       text NOT NULL,
    CHECK (role = 'client' OR NOT client_can_write)
);

-- The Department has one full-rights account (Art. 4.1).
CREATE UNIQUE INDEX users_one_administrator ON envgis.users (role) WHERE role = 'administrator';
CREATE INDEX users_unit_idx ON envgis.users (unit_code);

-- Portal sessions behind the sign-in cookie; ended at sign-out, password change and handover.
CREATE TABLE envgis.sessions (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         bigint NOT NULL REFERENCES envgis.users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    ended_at        timestamptz,
    ended_reason    text,
    remote_address  text,
    user_agent      text
);
CREATE INDEX sessions_open_idx ON envgis.sessions (user_id) WHERE ended_at IS NULL;

-- Bearer tokens of connection (client) accounts: only a SHA-256 of the token is kept.
CREATE TABLE envgis.api_tokens (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES envgis.users (id),
    name            text NOT NULL,
    prefix          text NOT NULL,              -- the first characters, to recognise a token in lists
    token_hash      bytea NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL,
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    revoked_by      text,
    revoked_reason  text,
    last_used_at    timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX api_tokens_user_idx ON envgis.api_tokens (user_id);

-- Handing an account over to a successor (Art. 4.3): who, to whom, when, why.
CREATE TABLE envgis.account_handovers (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES envgis.users (id),
    from_holder     text,
    to_holder       text NOT NULL CHECK (btrim(to_holder) <> ''),
    to_contact      text,
    reason          text NOT NULL CHECK (btrim(reason) <> ''),
    performed_by    text NOT NULL,
    performed_at    timestamptz NOT NULL DEFAULT now(),
    sessions_ended  integer NOT NULL,
    tokens_revoked  integer NOT NULL
);
CREATE INDEX account_handovers_user_idx ON envgis.account_handovers (user_id, performed_at);

-- Every sign-in and every failed attempt (portal, HTTP Basic, bearer token).
CREATE TABLE envgis.sign_ins (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    user_name       text NOT NULL,
    user_id         bigint REFERENCES envgis.users (id),
    method          text NOT NULL CHECK (method IN ('password', 'basic', 'bearer')),
    succeeded       boolean NOT NULL,
    failure         text,
    remote_address  text,
    user_agent      text
);
CREATE INDEX sign_ins_user_idx ON envgis.sign_ins (user_name, at);

-- What administrators did to accounts, units and scopes.
CREATE TABLE envgis.audit_log (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text NOT NULL,
    action   text NOT NULL,
    target   text NOT NULL,
    details  jsonb NOT NULL DEFAULT '{}'
);

-- A unit's spatial scope set by the administrator (Art. 9.2, 10). Without a row a unit has its
-- default: communes and enterprises their own commune, city units the whole city. A commune's scope
-- is always its own polygon.
CREATE TABLE envgis.unit_scopes (
    unit_code   text PRIMARY KEY REFERENCES envgis.units (code),
    whole_city  boolean NOT NULL,
    communes    text[] NOT NULL DEFAULT '{}',
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL,
    CHECK (whole_city OR cardinality(communes) > 0)
);

-- The layers a unit may edit; none until the administrator grants them.
CREATE TABLE envgis.unit_layers (
    unit_code  text NOT NULL REFERENCES envgis.units (code),
    layer      text NOT NULL REFERENCES catalogue.layers (name) ON DELETE CASCADE,
    PRIMARY KEY (unit_code, layer)
);
