using System.Text;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Replication;
using EnvGis.Data.Sql;
using EnvGis.Ows.Wms.Map;
using EnvGis.Ows.Wms.Requests;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Wms.FeatureInfo;

/// <summary>
/// Finds the records of a layer within a radius of a map point, nearest first (a polygon containing
/// the point is at distance 0), through the visibility rules and the TIME filter.
/// </summary>
public sealed class FeatureInfoReader(DataSources sources)
{
    /// <summary>The columns reported: the layer's attributes, then the public record metadata.</summary>
    public static IReadOnlyList<(string Name, AttributeType Type)> Columns(LayerDefinition layer) =>
        layer.Attributes.Select(a => (a.Name, a.Type))
            .Concat(RecordMetadata.Public.Select(m => (m, m is RecordMetadata.ValidFrom or RecordMetadata.ValidTo ? AttributeType.Date : AttributeType.Text)))
            .ToList();

    public async Task<IReadOnlyList<FeatureHit>> FindAsync(LayerDefinition layer, MapView view, double x, double y, double radius,
        int count, TimeFilter? time, ReadScope scope, InfoFormatKind format, CancellationToken ct)
    {
        var columns = Columns(layer);
        await using var command = sources.ForRead(scope).CreateCommand();
        var p = command.Parameters;
        var search = view with { MinX = x - radius, MinY = y - radius, MaxX = x + radius, MaxY = y + radius, Width = 1, Height = 1 };
        var sql = new StringBuilder("WITH q AS (SELECT ").Append(MapSql.QueryBox(search, p, 0)).Append(" AS box) SELECT r.id");
        foreach (var (name, _) in columns)
        {
            sql.Append(", r.").Append(SqlIdentifier.Quote(name));
        }

        const string mapGeometry = "ST_Transform(r.geom, @srid)";
        const string point = "ST_SetSRID(ST_MakePoint(@px, @py), @srid)";
        sql.Append(format switch
        {
            InfoFormatKind.Json => ", ST_AsGeoJSON(r.geom, 7)",
            InfoFormatKind.Gml => $", {mapGeometry}",
            _ => "",
        });
        sql.Append(" FROM ").Append(SqlIdentifier.LayerTable(layer.Name)).Append(" AS r WHERE r.geom && (SELECT q.box FROM q)")
            .Append($" AND ST_DWithin({mapGeometry}, {point}, @radius) AND ").Append(Visibility.Predicate(scope, "r"));
        Visibility.AddParameters(scope, p);
        if (time is not null)
        {
            sql.Append(" AND ").Append(time.Condition(p));
        }

        sql.Append($" ORDER BY ST_Distance({mapGeometry}, {point}), r.id LIMIT @count");
        p.AddWithValue("srid", view.Crs.Srid);
        p.AddWithValue("px", x);
        p.AddWithValue("py", y);
        p.AddWithValue("radius", radius);
        p.AddWithValue("count", count);
        command.CommandText = sql.ToString();
        command.CommandTimeout = (int)MapLayerReader.CommandTimeout.TotalSeconds;

        var hits = new List<FeatureHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var values = new List<(string, AttributeType, object?)>(columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                var ordinal = i + 1;
                var (name, type) = columns[i];
                values.Add((name, type, reader.IsDBNull(ordinal) ? null : type switch
                {
                    AttributeType.Date => reader.GetFieldValue<DateOnly>(ordinal),
                    AttributeType.DateTime => reader.GetFieldValue<DateTime>(ordinal),
                    _ => reader.GetValue(ordinal),
                }));
            }

            var last = columns.Count + 1;
            var geoJson = format == InfoFormatKind.Json && !reader.IsDBNull(last) ? reader.GetString(last) : null;
            var geometry = format == InfoFormatKind.Gml && !reader.IsDBNull(last) ? reader.GetFieldValue<Geometry>(last) : null;
            hits.Add(new FeatureHit(layer, reader.GetInt64(0), values, geoJson, geometry));
        }

        return hits;
    }
}
