-- The ASP.NET Core Data Protection key ring (it protects the sign-in cookie and the antiforgery
-- tokens) lives in the database, so every EnvGis node behind a load balancer reads and writes the
-- same keys: a user signed in on one node continues on another (docs/scale-out.md).
CREATE TABLE envgis.data_protection_keys (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name  text NOT NULL UNIQUE,
    xml            text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
