-- Yearly means are compared with the annual limits (docs/monitoring.md "Limits and exceedances"): an
-- exceedance of the current year is provisional until the year is complete.
ALTER TABLE monitoring.exceedances ADD COLUMN provisional boolean NOT NULL DEFAULT false;
