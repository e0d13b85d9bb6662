using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Sql;

namespace EnvGis.Data.Tiles;

/// <summary>
/// The one ST_AsMVT query of a layer: records whose bounding box meets the (buffered) tile envelope
/// through the GiST index, simplified to half a tile unit, clipped by ST_AsMVTGeom, attributes included,
/// the record id as the feature id, and for polygons a label point (label_lon, label_lat). Parameters: @z, @x, @y, @tolerance @layer_name (+ the visibility parameters).
/// </summary>
public static class TileSql
{
    public const int Extent = 4096;
    public const int Buffer = 64;

    public static string Build(LayerDefinition layer, ReadScope scope)
    {
        var columns = PublicColumns.Of(layer).Select(c => Column(c.Name, c.Type));
        if (layer.GeometryKind == GeometryKind.MultiPolygon)
        {
            // One label point per record, the same in every tile, so a polygon cut by tiles is labelled once.
            columns = columns.Concat(
                ["ST_X(ST_PointOnSurface(r.geom)) AS label_lon", "ST_Y(ST_PointOnSurface(r.geom)) AS label_lat"]);
        }

        var geometry = layer.GeometryKind == GeometryKind.Point
            ? "ST_Transform(r.geom, 3857)"
            : "ST_Simplify(ST_Transform(r.geom, 3857), @tolerance, true)";
        return $"""
            SELECT ST_AsMVT(tile, @layer_name, {Extent}, 'geom', 'id')
            FROM (
                SELECT r.id, {string.Join(", ", columns)},
                       ST_AsMVTGeom({geometry}, ST_TileEnvelope(@z, @x, @y), {Extent}, {Buffer}, true) AS geom
                FROM {SqlIdentifier.LayerTable(layer.Name)} AS r
                WHERE r.geom && ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => {(double)Buffer / Extent}), 4326)
                  AND {Visibility.Predicate(scope, "r")}
            ) AS tile
            WHERE tile.geom IS NOT NULL
            """;
    }

    // MVT values are strings, numbers and booleans: dates travel as ISO 8601 text.
    private static string Column(string name, AttributeType type) => type switch
    {
        AttributeType.Date => $"to_char(r.{SqlIdentifier.Quote(name)}, 'YYYY-MM-DD') AS {SqlIdentifier.Quote(name)}",
        AttributeType.DateTime => $"to_char(r.{SqlIdentifier.Quote(name)} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS {SqlIdentifier.Quote(name)}",
        _ => $"r.{SqlIdentifier.Quote(name)}",
    };
}
