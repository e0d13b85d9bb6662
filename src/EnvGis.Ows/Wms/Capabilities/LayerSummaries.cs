using System.Collections.Concurrent;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Changes;
using EnvGis.Data.Layers;
using EnvGis.Data.Replication;
using EnvGis.Data.Sql;
using EnvGis.Ows.Crs;

namespace EnvGis.Ows.Wms.Capabilities;

/// <summary>
/// Extents and time spans of layers for capabilities: the extent of the records the caller may see
/// (from <see cref="LayerState"/>) in every offered CRS, and the span of their validity periods, kept
/// until the layer's version as the caller sees it changes.
/// </summary>
public sealed class LayerSummaries(DataSources sources, LayerState state)
{
    /// <summary>The whole city (lon/lat), for layers without visible records.</summary>
    public static readonly double[] CityExtent = [106.0, 20.0, 107.9, 21.4];

    private readonly ConcurrentDictionary<(string Layer, string Scope), (string Version, LayerSummary Summary)> cache = new();

    public async Task<IReadOnlyList<LayerSummary>> GetAsync(IReadOnlyList<LayerDefinition> layers, ReadScope scope, CancellationToken ct)
    {
        var result = new List<LayerSummary>(layers.Count);
        var versions = await state.CurrentVersionsAsync(layers, scope, ct);
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var version = versions[i];
            var key = (layer.Name, VisibilityKey.Of(scope));
            if (cache.TryGetValue(key, out var hit) && hit.Version == version && ReferenceEquals(hit.Summary.Layer, layer))
            {
                result.Add(hit.Summary);
                continue;
            }

            var summary = await ReadAsync(layer, scope, ct);
            cache[key] = (version, summary);
            result.Add(summary);
        }

        return result;
    }

    private async Task<LayerSummary> ReadAsync(LayerDefinition layer, ReadScope scope, CancellationToken ct)
    {
        var extent = await state.ExtentAsync(layer, scope, ct);
        await using var command = sources.ForRead(scope).CreateCommand($"""
            WITH e AS (
                SELECT ST_Expand(ST_MakeEnvelope(@x0, @y0, @x1, @y1, 4326), @expand) AS box,
                       LEAST(min(r.valid_from), min(r.valid_to)) AS first_day,
                       GREATEST(max(r.valid_from), max(r.valid_to)) AS last_day
                FROM {SqlIdentifier.LayerTable(layer.Name)} AS r
                WHERE {Visibility.Predicate(scope, "r")})
            SELECT s.srid, ST_XMin(t.b), ST_YMin(t.b), ST_XMax(t.b), ST_YMax(t.b), e.first_day, e.last_day
            FROM e CROSS JOIN unnest(@srids) AS s(srid)
            CROSS JOIN LATERAL (SELECT ST_Transform(ST_Segmentize(e.box, 0.01), s.srid)::box2d AS b) AS t
            """);
        var box = extent ?? CityExtent;
        command.Parameters.AddWithValue("x0", box[0]);
        command.Parameters.AddWithValue("y0", box[1]);
        command.Parameters.AddWithValue("x1", box[2]);
        command.Parameters.AddWithValue("y1", box[3]);
        command.Parameters.AddWithValue("expand", extent is null ? 0.0 : 0.0005);
        command.Parameters.AddWithValue("srids", CoordinateSystems.All.Select(c => c.Srid).ToArray());
        Visibility.AddParameters(scope, command.Parameters);
        var boxes = new Dictionary<int, double[]>();
        TimeExtent? time = null;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            boxes[reader.GetInt32(0)] = [reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4)];
            if (!reader.IsDBNull(5) && !reader.IsDBNull(6))
            {
                time = new TimeExtent(reader.GetFieldValue<DateOnly>(5), reader.GetFieldValue<DateOnly>(6));
            }
        }

        return new LayerSummary(layer, boxes[CoordinateSystems.Wgs84.Srid], boxes, time);
    }
}
