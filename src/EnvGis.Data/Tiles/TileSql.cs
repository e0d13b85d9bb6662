using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Sql;

namespace EnvGis.Data.Tiles;

/// <summary>
/// The SQL of a generalised vector tile (docs/tiles.md "Generalisation"). Records come from the
/// layer's shapes (tile_shapes.&lt;layer&gt;: EPSG:3857 geometry with GiST and size indexes, whether the
/// record is public, and the properties it shows), kept by the layer's triggers in the writers'
/// transactions, so a public tile reads one table. Records hidden from the public are read from the
/// layer table through the caller's <see cref="Visibility"/> rule (a partial index holds them).
/// Geometries go to the tile's pixel grid, the same for every tile of a zoom, so neighbours sharing
/// an edge keep sharing it (tiles.mvt_geom). Polygons too small at a low zoom are drawn as the merged
/// coverage of their class (@merged, traced from tile_coverage by <see cref="CoverageTracer"/>);
/// points closer than the cluster cell are thinned to one per cell with a count. Identifiers come from
/// the catalogue (quoted); every value is a parameter: @z, @x, @y, @layer_name, @margin, @grid,
/// @min_size, @merge_below, @classes, @merged, @cell. ST_AsMVT skips rows without geometry.
/// </summary>
public static class TileSql
{
    public const int Extent = 4096;
    public const int Buffer = 64;

    /// <summary>Half the width of the EPSG:3857 world: the tile grid's origin is (-World, World).</summary>
    public const double World = 20037508.342789244;

    /// <summary>Marks a merged feature (the coverage of small polygons of one class).</summary>
    public const string GeneralisedProperty = "generalised";

    /// <summary>How many visible points a thinned point stands for (1 when alone in its cell).</summary>
    public const string PointCountProperty = "point_count";

    /// <summary>Not public: the predicate of the partial index tiles.track_layer puts on every layer table.</summary>
    public const string HiddenRecord = "(r.status <> 'published' OR r.restricted)";

    /// <summary>The tile's settings and, at the zooms where small polygons merge, the coverage cells of its area.</summary>
    public static string Coverage(LayerDefinition layer) => $"""
        SELECT s.merge_pixels, s.merge_max_zoom, c.m, c.class
        FROM tiles.settings AS s
        LEFT JOIN tile_coverage.{SqlIdentifier.Quote(layer.Name)} AS c
               ON s.merge_max_zoom >= @z AND c.z = @z AND c.m BETWEEN @m0 AND @m1 AND c.n > 0
        WHERE s.layer = @layer_name
        """;

    public static string Build(LayerDefinition layer, ReadScope scope) => layer.GeometryKind switch
    {
        GeometryKind.Point => Points(layer, scope),
        GeometryKind.MultiPolygon => Polygons(layer, scope),
        _ => Lines(layer, scope),
    };

    // Public polygons big enough at this zoom, each on its own (the size index reads only those at low
    // zooms); the caller's own hidden records, each on its own whatever their size; and the merged
    // coverage of the small public ones (@merged, in tile units already, outer rings as MVT wants).
    private static string Polygons(LayerDefinition layer, ReadScope scope)
    {
        var classes = layer.Attributes.Where(a => a.AllowedValues is not null).Select(a => a.Name).ToList();
        var classProps = classes.Count == 0
            ? "'{}'::jsonb"
            : "jsonb_strip_nulls(jsonb_build_object(" + string.Join(", ", classes.Select((c, i) =>
                $"'{c.Replace("'", "''", StringComparison.Ordinal)}', NULLIF(split_part(m.class, chr(31), {i + 1}), '')")) + "))";
        return $"""
            WITH t AS ({Envelopes})
            SELECT ST_AsMVT(tile, @layer_name, {Extent}, 'geom', 'id')
            FROM (
                SELECT s.id, s.props, s.label_lon, s.label_lat, NULL::boolean AS {GeneralisedProperty}, {MvtGeometry} AS geom
                FROM t CROSS JOIN LATERAL (
                    SELECT s.* FROM {Shapes(layer)} AS s WHERE s.geom && t.wide AND s.size0 >= @merge_below AND s.public) AS s
                {Hidden(layer, scope, "s.id, s.props, s.label_lon, s.label_lat, NULL::boolean, " + MvtGeometry)}
                UNION ALL
                SELECT NULL::bigint, {classProps}, NULL::double precision, NULL::double precision, true, m.geom
                FROM unnest(@classes::text[], @merged::geometry[]) AS m(class, geom)
            ) AS tile
            """;
    }

    private static string Lines(LayerDefinition layer, ReadScope scope) => $"""
        WITH t AS ({Envelopes})
        SELECT ST_AsMVT(tile, @layer_name, {Extent}, 'geom', 'id')
        FROM (
            SELECT s.id, s.props, {MvtGeometry} AS geom
            FROM t CROSS JOIN LATERAL (
                SELECT s.* FROM {Shapes(layer)} AS s WHERE s.geom && t.wide AND s.size0 >= @min_size AND s.public) AS s
            {Hidden(layer, scope, "s.id, s.props, " + MvtGeometry)}
        ) AS tile
        """;

    // One point per cell of @cell metres (the one with the lowest id) with the count of the points the
    // caller may see in its cell; cells are aligned to the tile grid and the query reaches a whole
    // cell around the tile, so neighbouring tiles agree. @cell = 0: every point, each counting 1.
    private static string Points(LayerDefinition layer, ReadScope scope) => $"""
        WITH t AS ({Envelopes}),
        v AS (
            SELECT s.id, s.geom FROM t CROSS JOIN LATERAL (
                SELECT s.id, s.geom FROM {Shapes(layer)} AS s WHERE s.geom && t.wide AND s.public) AS s
            {Hidden(layer, scope, "s.id, s.geom")}),
        c AS (
            SELECT v.id, count(*) OVER w AS n, row_number() OVER (w ORDER BY v.id) AS rank
            FROM v
            WINDOW w AS (PARTITION BY
                CASE WHEN @cell > 0 THEN floor((ST_X(v.geom) + {World}) / @cell) ELSE v.id END,
                CASE WHEN @cell > 0 THEN floor(({World} - ST_Y(v.geom)) / @cell) ELSE 0 END))
        SELECT ST_AsMVT(tile, @layer_name, {Extent}, 'geom', 'id')
        FROM (
            SELECT s.id, s.props, c.n AS {PointCountProperty}, {MvtGeometry} AS geom
            FROM t, c CROSS JOIN LATERAL (SELECT s.* FROM {Shapes(layer)} AS s WHERE s.id = c.id OFFSET 0) AS s
            WHERE c.rank = 1
        ) AS tile
        """;

    // The records hidden from the public that the caller may see, found in the layer table (a partial
    // index holds only them), their shapes looked up one by one (OFFSET 0 keeps the planner from
    // hashing the whole shapes table). Nothing for callers who see what the public sees.
    private static string Hidden(LayerDefinition layer, ReadScope scope, string select) =>
        Changes.VisibilityKey.SeesAsPublic(scope) ? "" : $"""
            UNION ALL
            SELECT {select}
            FROM t
            CROSS JOIN LATERAL (SELECT r.id FROM {SqlIdentifier.LayerTable(layer.Name)} AS r
                                WHERE r.geom && ST_Transform(t.wide, 4326) AND {HiddenRecord} AND {Visibility.Predicate(scope, "r")}) AS r
            CROSS JOIN LATERAL (SELECT s.* FROM {Shapes(layer)} AS s WHERE s.id = r.id OFFSET 0) AS s
            """;

    private const string Envelopes =
        "SELECT ST_TileEnvelope(@z, @x, @y) AS env, ST_TileEnvelope(@z, @x, @y, margin => @margin) AS wide";

    // Vertices on the tile's pixel grid (@grid tile units: 16, a pixel; 1 at the deepest zoom).
    private const string MvtGeometry = "tiles.mvt_geom(s.geom, t.env, @grid)";

    private static string Shapes(LayerDefinition layer) => "tile_shapes." + SqlIdentifier.Quote(layer.Name);
}
