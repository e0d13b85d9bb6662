-- Records that belong to an EIA project (Art. 2.1 "detailed to every project"): an inspection, an
-- incident, a monitoring station or a waste source names the project's record in eia_projects by an
-- optional integer attribute `project_id` (docs/operations.md "Statistics"). Statistics group such
-- records by project; the facility/project page (issue 15) shows them together.
INSERT INTO catalogue.attributes (layer, ordinal, name, type, required, allowed_values, label_vi, label_en)
SELECT l.layer, (SELECT max(a.ordinal) + 1 FROM catalogue.attributes AS a WHERE a.layer = l.layer), 'project_id', 'integer', false, NULL,
       'Dự án ĐTM, giấy phép môi trường (mã bản ghi)', 'EIA project or permit (record id)'
FROM (VALUES ('inspections'), ('environmental_incidents'), ('monitoring_stations'), ('waste_sources')) AS l (layer)
WHERE EXISTS (SELECT 1 FROM catalogue.layers AS c WHERE c.name = l.layer);

ALTER TABLE data.inspections ADD COLUMN project_id integer;
ALTER TABLE data.environmental_incidents ADD COLUMN project_id integer;
ALTER TABLE data.monitoring_stations ADD COLUMN project_id integer;
ALTER TABLE data.waste_sources ADD COLUMN project_id integer;
CREATE INDEX inspections_project_idx ON data.inspections (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX environmental_incidents_project_idx ON data.environmental_incidents (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX monitoring_stations_project_idx ON data.monitoring_stations (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX waste_sources_project_idx ON data.waste_sources (project_id) WHERE project_id IS NOT NULL;
