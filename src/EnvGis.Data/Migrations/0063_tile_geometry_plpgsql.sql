-- tiles.mvt_geom (0061) again, same rule (docs/tiles.md "Simplification"), in PL/pgSQL. As a SQL
-- function with subqueries PostgreSQL could not inline it, so every record of a tile started a
-- small executor of its own: on the 100 000-polygon benchmark that was most of a z11 tile's time
-- (about 5× the time of the same steps here, which run as plain expressions).
-- It also fixes the edge case: a shape across the tile's edge that collapses on the pixel grid keeps
-- its own vertices, as documented (the old body's unqualified `g` named the collapsed column, so the
-- shape was dropped).
CREATE OR REPLACE FUNCTION tiles.mvt_geom(g geometry, env geometry, p_grid double precision) RETURNS geometry
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    width   double precision := ST_XMax(env) - ST_XMin(env);
    height  double precision := ST_YMax(env) - ST_YMin(env);
    moved   geometry;
    snapped geometry;
BEGIN
    IF g @ env THEN
        -- Inside the tile: to tile units (y down), on the grid anchored at the tile's corner.
        moved := ST_Affine(g, 4096 / width, 0, 0, -4096 / height, -ST_XMin(env) * 4096 / width, ST_YMax(env) * 4096 / height);
        snapped := ST_SnapToGrid(moved, 0, 0, p_grid, p_grid);
        RETURN ST_ForcePolygonCCW(CASE WHEN ST_IsEmpty(snapped) THEN ST_SnapToGrid(moved, 0, 0, 1, 1) ELSE snapped END);
    END IF;

    -- Across the edge: the same grid in metres (anchored at the world's corner), then clipped.
    snapped := ST_SnapToGrid(g, -tiles.world(), tiles.world(), p_grid * width / 4096, p_grid * width / 4096);
    RETURN ST_AsMVTGeom(CASE WHEN ST_IsEmpty(snapped) THEN g ELSE snapped END, env::box2d, 4096, 64, true);
END
$$;
