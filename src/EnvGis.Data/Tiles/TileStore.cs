using System.Collections.Concurrent;
using System.Data;
using System.Runtime.CompilerServices;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Replication;
using EnvGis.Data.Sql;
using NetTopologySuite.Geometries;
using Npgsql;

namespace EnvGis.Data.Tiles;

/// <summary>
/// Reads generalised vector tiles from PostGIS (<see cref="TileSql"/>); each layer's SQL is built once
/// per definition of the layer (a catalogue change makes a new one) and visibility rule, and reused. Public reads may go to a caught-up standby (<see cref="DataSources"/>).
/// </summary>
public sealed class TileStore(DataSources sources, TileSettingsStore settings)
{
    private static readonly GeometryFactory TileUnits = new(new PrecisionModel(), 0);
    private readonly ConditionalWeakTable<LayerDefinition, ConcurrentDictionary<string, string>> sqlCache = new();
    private long queries;

    /// <summary>How many tiles were read from the database (the cache's misses), for tests and benchmarks.</summary>
    public long QueriesRun => Interlocked.Read(ref queries);

    /// <summary>The tile as MVT bytes; empty when no visible record touches it.</summary>
    public async Task<byte[]> GetTileAsync(LayerDefinition layer, TileCoordinate tile, ReadScope scope, CancellationToken ct)
    {
        Interlocked.Increment(ref queries);
        var sql = sqlCache.GetValue(layer, static _ => new(StringComparer.Ordinal))
            .GetOrAdd(Visibility.Predicate(scope, "r"), _ => TileSql.Build(layer, scope));
        await using var connection = await sources.ForRead(scope).OpenConnectionAsync(ct);
        // Polygons: the coverage and the records from one snapshot, so a polygon is drawn merged or alone, never both or neither.
        await using var transaction = await connection.BeginTransactionAsync(
            layer.GeometryKind == GeometryKind.MultiPolygon ? IsolationLevel.RepeatableRead : IsolationLevel.ReadCommitted, ct);
        await SerialPlanAsync(connection, transaction, ct);
        if (layer.GeometryKind != GeometryKind.MultiPolygon)
        {
            var tileBytes = await RunAsync(connection, transaction, sql, layer, tile, scope, Parameters(layer, tile), ct);
            await transaction.CommitAsync(ct);
            return tileBytes;
        }

        var (mergeBelow, merged) = await ReadCoverageAsync(connection, transaction, layer, tile, ct);
        var parameters = Parameters(layer, tile);
        parameters["merge_below"] = mergeBelow;
        parameters["classes"] = merged.Keys.ToArray();
        parameters["merged"] = merged.Values.ToArray();
        var bytes = await RunAsync(connection, transaction, sql, layer, tile, scope, parameters, ct);
        await transaction.CommitAsync(ct);
        return bytes;
    }

    // A tile is a few thousand rows at most: parallel workers cost more to start and their partial
    // ST_AsMVT results more to merge than they save (several times more on a busy 2-core machine), and
    // the merge order changes the bytes, so the same tile would get another ETag on every rendering.
    private static async Task SerialPlanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SET LOCAL max_parallel_workers_per_gather = 0", connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    private Dictionary<string, object> Parameters(LayerDefinition layer, TileCoordinate tile)
    {
        var s = settings.Get(layer.Name);
        var margin = (double)TileSql.Buffer / TileSql.Extent;
        var result = new Dictionary<string, object>
        {
            ["grid"] = tile.Z < s.MaxZoom ? (double)TileSql.Extent / TileCoordinate.Pixels : 1.0,
        };
        switch (layer.GeometryKind)
        {
            case GeometryKind.Point:
                var clustered = tile.Z <= s.ClusterMaxZoom && s.ClusterPixels > 0;
                result["cell"] = clustered ? s.ClusterPixels * tile.PixelSize : 0.0;
                margin = clustered ? Math.Max(margin, s.ClusterPixels / TileCoordinate.Pixels) : margin;
                break;
            case GeometryKind.MultiLineString:
                // Lines shorter than half a pixel would not be drawn anyway.
                result["min_size"] = tile.Z < s.MaxZoom ? 0.5 / (1L << tile.Z) : 0.0;
                break;
        }

        result["margin"] = margin;
        return result;
    }

    private static async Task<byte[]> RunAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        LayerDefinition layer, TileCoordinate tile, ReadScope scope, Dictionary<string, object> parameters, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("layer_name", layer.Name);
        command.Parameters.AddWithValue("z", tile.Z);
        command.Parameters.AddWithValue("x", tile.X);
        command.Parameters.AddWithValue("y", tile.Y);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        Visibility.AddParameters(scope, command.Parameters);
        return await command.ExecuteScalarAsync(ct) as byte[] ?? [];
    }

    /// <summary>The size (tiles.size0) below which public polygons are merged at this zoom, and the merged coverage by class.</summary>
    private static async Task<(double MergeBelow, Dictionary<string, Geometry> Merged)> ReadCoverageAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, LayerDefinition layer, TileCoordinate tile, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(TileSql.Coverage(layer), connection, transaction);
        var x0 = tile.X * CoverageTracer.CellsPerTile;
        var y0 = tile.Y * CoverageTracer.CellsPerTile;
        command.Parameters.AddWithValue("layer_name", layer.Name);
        command.Parameters.AddWithValue("z", (short)tile.Z);
        command.Parameters.AddWithValue("m0", Morton.Encode(x0, y0));
        command.Parameters.AddWithValue("m1", Morton.Encode(x0 + CoverageTracer.CellsPerTile - 1, y0 + CoverageTracer.CellsPerTile - 1));
        var cells = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        var mergeBelow = 0.0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (tile.Z <= reader.GetInt16(1))
                {
                    mergeBelow = reader.GetFloat(0) / (double)(1L << tile.Z);
                }

                if (reader.IsDBNull(2))
                {
                    continue;
                }

                var (cx, cy) = Morton.Decode(reader.GetInt64(2));
                var cls = reader.GetString(3);
                if (!cells.TryGetValue(cls, out var list))
                {
                    cells[cls] = list = [];
                }

                list.Add((cx - x0, cy - y0));
            }
        }

        var merged = cells.ToDictionary(c => c.Key, c => (Geometry)CoverageTracer.Trace(c.Value, TileUnits), StringComparer.Ordinal);
        return (mergeBelow, merged);
    }
}
