-- Where a unit's reminders and notices are e-mailed (docs/operations.md "Reminders and e-mail"): one
-- address per unit, set by the administrator. Without one the notice is still shown in the portal.
ALTER TABLE envgis.units ADD COLUMN notice_email text
    CHECK (notice_email IS NULL OR (length(notice_email) <= 254 AND notice_email ~ '^[^@\s<>",;]+@[^@\s<>",;]+\.[^@\s<>",;]+$'));
