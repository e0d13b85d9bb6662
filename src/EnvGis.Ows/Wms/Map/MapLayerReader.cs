using EnvGis.Core.Security;
using EnvGis.Data.Maps;
using EnvGis.Data.Replication;
using EnvGis.Ows.Rendering;
using EnvGis.Ows.Wms.Requests;

namespace EnvGis.Ows.Wms.Map;

/// <summary>Streams one layer of a map from PostGIS into the canvas, feature by feature (public reads may use a standby).</summary>
public sealed class MapLayerReader(DataSources sources)
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    /// <returns>The number of features drawn.</returns>
    public async Task<int> DrawAsync(MapCanvas canvas, MapLayer layer, ActiveRules rules, MapView view, TimeFilter? time,
        ReadScope scope, CancellationToken ct)
    {
        var columns = MapSql.Columns(layer.Definition, rules.Properties());
        await using var command = MapSql.Build(sources.ForRead(scope), layer.Definition, columns, view.Window, TimeFilter.Sql(time, layer.Definition), scope);
        command.CommandTimeout = (int)CommandTimeout.TotalSeconds;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            index[columns[i]] = i;
        }

        var values = new object?[columns.Count];
        Func<string, object?> property = name => index.TryGetValue(name, out var i) ? values[i] : null;
        var geometry = new PixelGeometry();
        var count = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (reader.IsDBNull(columns.Count))
            {
                continue;
            }

            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            TwkbReader.Read(reader.GetFieldValue<byte[]>(columns.Count), geometry);
            canvas.DrawFeature(geometry, rules, property);
            count++;
        }

        return count;
    }
}
