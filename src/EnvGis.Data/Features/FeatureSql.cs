using System.Text;
using EnvGis.Core.Records;
using EnvGis.Data.Sql;

namespace EnvGis.Data.Features;

/// <summary>
/// Builds the SELECT and COUNT statements of a <see cref="FeatureQuery"/>. Identifiers come from the
/// catalogue through <see cref="SqlIdentifier"/>; the visibility predicate is always part of WHERE.
/// </summary>
public static class FeatureSql
{
    public const string Alias = "r";

    public static string Select(FeatureQuery query)
    {
        var sql = new StringBuilder("SELECT r.").Append(SqlIdentifier.Quote(RecordMetadata.Id));
        foreach (var column in query.Columns)
        {
            sql.Append(", r.").Append(SqlIdentifier.Quote(column.Name));
        }

        var geometry = Transformed(query.Geometry.Srid);
        if (query.Geometry.LatLon)
        {
            geometry = $"ST_FlipCoordinates({geometry})";
        }

        switch (query.Geometry.Encoding)
        {
            case GeometryEncoding.Geometry:
                sql.Append(", ").Append(geometry);
                break;
            case GeometryEncoding.GeoJson:
                sql.Append(", ST_AsGeoJSON(").Append(geometry).Append(", @output_decimals)");
                break;
        }

        if (query.Geometry.WithLonLat)
        {
            var point = $"ST_PointOnSurface(r.{SqlIdentifier.Quote(RecordMetadata.Geometry)})";
            sql.Append(", ST_X(").Append(point).Append("), ST_Y(").Append(point).Append(')');
        }

        sql.Append(" FROM ").Append(SqlIdentifier.LayerTable(query.Layer.Name)).Append(" AS r WHERE ").Append(Where(query));
        sql.Append(" ORDER BY ");
        foreach (var key in query.Sort)
        {
            sql.Append("r.").Append(SqlIdentifier.Quote(key.Column)).Append(key.Descending ? " DESC NULLS LAST, " : " ASC NULLS FIRST, ");
        }

        sql.Append("r.").Append(SqlIdentifier.Quote(RecordMetadata.Id));
        if (query.Limit is not null)
        {
            sql.Append(" LIMIT @feature_limit");
        }

        if (query.Offset > 0)
        {
            sql.Append(" OFFSET @feature_offset");
        }

        return sql.ToString();
    }

    public static string Count(FeatureQuery query) =>
        $"SELECT count(*) FROM {SqlIdentifier.LayerTable(query.Layer.Name)} AS r WHERE {Where(query)}";

    /// <summary>The longest value in bytes (UTF-8) of each of <paramref name="columns"/> over the query's records (fixed-width outputs such as DBF).</summary>
    public static string MaxByteLengths(FeatureQuery query, IReadOnlyList<string> columns) =>
        $"SELECT {string.Join(", ", columns.Select(c => $"coalesce(max(octet_length(r.{SqlIdentifier.Quote(c)}::text)), 0)"))} "
        + $"FROM {SqlIdentifier.LayerTable(query.Layer.Name)} AS r WHERE {Where(query)}";

    private static string Where(FeatureQuery query) =>
        $"{Visibility.Predicate(query.Scope, Alias)} AND ({query.Filter.Sql})";

    private static string Transformed(int srid) => srid == 4326
        ? "r." + SqlIdentifier.Quote(RecordMetadata.Geometry)
        : $"ST_Transform(r.{SqlIdentifier.Quote(RecordMetadata.Geometry)}, @output_srid)";
}
