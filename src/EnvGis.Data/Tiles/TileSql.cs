using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Sql;

namespace EnvGis.Data.Tiles;

/// <summary>
/// The SQL of a generalised vector tile (docs/tiles.md "Generalisation"). Records come from the
/// layer's EPSG:3857 shapes (tile_shapes.&lt;layer&gt;, GiST and size indexes) joined to the layer table
/// for their attributes and the caller's visibility. Geometries are snapped to the tile's pixel grid,
/// which is the same for every tile of a zoom, so neighbours sharing an edge keep sharing it; then
/// ST_AsMVTGeom clips them to the tile and its buffer. Polygons too small at a low zoom are drawn as
/// the merged coverage of their class (the @merged parameter, traced from tile_coverage by
/// <see cref="CoverageTracer"/>); points closer than the cluster cell are thinned to one per cell
/// with a count. Identifiers come from the catalogue (quoted); every value is a parameter:
/// @z, @x, @y, @layer_name, @margin, @grid, @min_size, @merge_below, @classes, @merged, @cell.
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
    // zooms); the caller's own hidden records, each on its own whatever their size (a partial index
    // holds only hidden records); and the merged coverage of the small public ones (@merged, in tile
    // units already, outer rings clockwise as MVT wants them). ST_AsMVT skips null geometries.
    private static string Polygons(LayerDefinition layer, ReadScope scope)
    {
        var classes = layer.Attributes.Where(a => a.AllowedValues is not null).Select(a => a.Name).ToList();
        var merged = string.Join(", ", Columns(layer).Select(c =>
            classes.IndexOf(c.Name) is var i and >= 0
                ? $"NULLIF(split_part(m.class, chr(31), {i + 1}), '') AS {SqlIdentifier.Quote(c.Name)}"
                : $"NULL::{c.SqlType} AS {SqlIdentifier.Quote(c.Name)}"));
        var hidden = Changes.VisibilityKey.SeesAsPublic(scope) ? "" : $"""
                UNION ALL
                SELECT r.id, {Selected(layer)}, NULL::boolean, {MvtGeometry}
                FROM t
                CROSS JOIN LATERAL (SELECT r.* FROM {SqlIdentifier.LayerTable(layer.Name)} AS r
                                    WHERE r.geom && ST_Transform(t.wide, 4326) AND {HiddenRecord} AND {Visibility.Predicate(scope, "r")}) AS r
                CROSS JOIN LATERAL (SELECT s.* FROM {Shapes(layer)} AS s WHERE s.id = r.id OFFSET 0) AS s
            """;
        return $"""
            WITH t AS ({Envelopes})
            SELECT ST_AsMVT(tile, @layer_name, {Extent}, 'geom', 'id')
            FROM (
                SELECT r.id, {Selected(layer)}, NULL::boolean AS {GeneralisedProperty}, {MvtGeometry} AS geom
                FROM t
                CROSS JOIN LATERAL (SELECT s.* FROM {Shapes(layer)} AS s WHERE s.geom && t.wide AND s.size0 >= @merge_below) AS s
                {Record(layer, "r.status = 'published' AND NOT r.restricted")}
                {hidden}
                UNION ALL
                SELECT NULL::bigint, {merged}, true, m.geom
                FROM unnest(@classes::text[], @merged::geometry[]) AS m(class, geom)
            ) AS tile
            """;
    }

    /// <summary>Not public: the predicate of the partial index tiles.track_layer puts on every layer table.</summary>
    public const string HiddenRecord = "(r.status <> 'published' OR r.restricted)";

    private static string Lines(LayerDefinition layer, ReadScope scope) => $"""
        WITH t AS ({Envelopes})
        SELECT ST_AsMVT(tile, @layer_name, {Extent}, 'geom', 'id')
        FROM (
            SELECT r.id, {Selected(layer)}, {MvtGeometry} AS geom
            FROM t
            CROSS JOIN LATERAL (SELECT s.* FROM {Shapes(layer)} AS s WHERE s.geom && t.wide AND s.size0 >= @min_size) AS s
            {Record(layer, Visibility.Predicate(scope, "r"))}
        ) AS tile
        """;

    // One point per cell of @cell metres (the one with the lowest id) with the count of the visible
    // points of its cell; cells are aligned to the tile grid and the query reaches a whole cell around
    // the tile, so neighbouring tiles agree. @cell = 0: every point, each counting 1.
    private static string Points(LayerDefinition layer, ReadScope scope) => $"""
        WITH t AS ({Envelopes}),
        c AS (
            SELECT s.id, count(*) OVER w AS n, row_number() OVER (w ORDER BY s.id) AS rank
            FROM t
            CROSS JOIN LATERAL (SELECT s.* FROM {Shapes(layer)} AS s WHERE s.geom && t.wide) AS s
            {Record(layer, Visibility.Predicate(scope, "r"))}
            WINDOW w AS (PARTITION BY
                CASE WHEN @cell > 0 THEN floor((ST_X(s.geom) + {World}) / @cell) ELSE s.id END,
                CASE WHEN @cell > 0 THEN floor(({World} - ST_Y(s.geom)) / @cell) ELSE 0 END))
        SELECT ST_AsMVT(tile, @layer_name, {Extent}, 'geom', 'id')
        FROM (
            SELECT r.id, {Selected(layer)}, c.n AS {PointCountProperty},
                   ST_AsMVTGeom(s.geom, t.env, {Extent}, {Buffer}, true) AS geom
            FROM t, c
            CROSS JOIN LATERAL (SELECT s.* FROM {Shapes(layer)} AS s WHERE s.id = c.id OFFSET 0) AS s
            {Record(layer, "TRUE")}
            WHERE c.rank = 1
        ) AS tile
        """;

    // The record of shape s, looked up by its key one by one (OFFSET 0 keeps the planner from
    // reading the whole layer table to hash it, which it would otherwise estimate cheaper).
    private static string Record(LayerDefinition layer, string condition) =>
        $"CROSS JOIN LATERAL (SELECT r.* FROM {SqlIdentifier.LayerTable(layer.Name)} AS r WHERE r.id = s.id AND {condition} OFFSET 0) AS r";

    private const string Envelopes =
        "SELECT ST_TileEnvelope(@z, @x, @y) AS env, ST_TileEnvelope(@z, @x, @y, margin => @margin) AS wide";

    // Vertices on the tile's pixel grid (@grid metres, from the grid's origin); a shape that collapses
    // (under about a pixel) keeps its own vertices and is left to ST_AsMVTGeom. @grid = 0: no snapping.
    // Only shapes that cross the tile's edge are clipped (GEOS clipping is the costly part).
    private static readonly string MvtGeometry =
        $"ST_AsMVTGeom((SELECT CASE WHEN ST_IsEmpty(g) THEN s.geom ELSE g END FROM ST_SnapToGrid(s.geom, -{World}, {World}, @grid, @grid) AS g), "
        + $"t.env, {Extent}, {Buffer}, NOT (s.geom @ t.env))";

    private static string Shapes(LayerDefinition layer) => "tile_shapes." + SqlIdentifier.Quote(layer.Name);

    private static string Selected(LayerDefinition layer)
    {
        var columns = Columns(layer).Select(c => $"{c.Expression} AS {SqlIdentifier.Quote(c.Name)}");
        return string.Join(", ", columns);
    }

    /// <summary>The properties of a tile's features: attributes, public metadata and, for polygons, the label point.</summary>
    private static IEnumerable<(string Name, string Expression, string SqlType)> Columns(LayerDefinition layer)
    {
        foreach (var a in layer.Attributes)
        {
            yield return Column(a.Name, a.Type);
        }

        foreach (var m in RecordMetadata.Public)
        {
            yield return Column(m, m is RecordMetadata.ValidFrom or RecordMetadata.ValidTo ? AttributeType.Date : AttributeType.Text);
        }

        if (layer.GeometryKind == GeometryKind.MultiPolygon)
        {
            // One label point per record, the same in every tile, so a polygon cut by tiles is labelled once.
            yield return ("label_lon", "s.label_lon", "double precision");
            yield return ("label_lat", "s.label_lat", "double precision");
        }
    }

    // MVT values are strings, numbers and booleans: dates travel as ISO 8601 text.
    private static (string Name, string Expression, string SqlType) Column(string name, AttributeType type)
    {
        var column = "r." + SqlIdentifier.Quote(name);
        return type switch
        {
            AttributeType.Date => (name, $"to_char({column}, 'YYYY-MM-DD')", "text"),
            AttributeType.DateTime => (name, $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')", "text"),
            AttributeType.Integer => (name, column, "integer"),
            AttributeType.Number => (name, column, "double precision"),
            AttributeType.Boolean => (name, column, "boolean"),
            _ => (name, column, "text"),
        };
    }
}
