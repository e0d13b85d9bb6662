using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Maps;
using EnvGis.Data.Replication;
using EnvGis.Ows.Wms.Map;
using EnvGis.Ows.Wms.Requests;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Wms.FeatureInfo;

/// <summary>
/// Finds the records of a layer within a radius of a map point, nearest first (the query is
/// <see cref="MapHitSql"/>), through the visibility rules and the TIME filter.
/// </summary>
public sealed class FeatureInfoReader(DataSources sources)
{
    /// <summary>The columns reported: the layer's public columns (attributes, then the public record metadata).</summary>
    public static IReadOnlyList<(string Name, AttributeType Type)> Columns(LayerDefinition layer) =>
        PublicColumns.Of(layer).Select(c => (c.Name, c.Type)).ToList();

    public async Task<IReadOnlyList<FeatureHit>> FindAsync(LayerDefinition layer, MapView view, double x, double y, double radius,
        int count, TimeFilter? time, ReadScope scope, InfoFormatKind format, CancellationToken ct)
    {
        var columns = Columns(layer);
        var search = view with { MinX = x - radius, MinY = y - radius, MaxX = x + radius, MaxY = y + radius, Width = 1, Height = 1 };
        var hitGeometry = format switch
        {
            InfoFormatKind.Json => HitGeometry.GeoJson,
            InfoFormatKind.Gml => HitGeometry.MapCrs,
            _ => HitGeometry.None,
        };
        await using var command = MapHitSql.Build(sources.ForRead(scope), layer, search.Window, x, y, radius, count, TimeFilter.Sql(time, layer), scope, hitGeometry);
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
