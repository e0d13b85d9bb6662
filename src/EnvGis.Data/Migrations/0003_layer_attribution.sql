-- The attribution a layer's data requires wherever it is shown or downloaded (e.g. ODbL for data
-- derived from OpenStreetMap: the land polygon, and the communes and basins cut by it).
ALTER TABLE catalogue.layers ADD COLUMN attribution text;

UPDATE catalogue.layers SET attribution = '© OpenStreetMap contributors'
WHERE name IN ('land', 'coastline', 'communes', 'river_basins');
