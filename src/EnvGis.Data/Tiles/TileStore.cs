using System.Collections.Concurrent;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Sql;
using Npgsql;

namespace EnvGis.Data.Tiles;

/// <summary>Reads vector tiles from PostGIS; each layer's SQL is built once per visibility rule and reused.</summary>
public sealed class TileStore(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<(string Layer, string Scope), string> sqlCache = new();

    /// <summary>The tile as MVT bytes; empty when no visible record touches it.</summary>
    public async Task<byte[]> GetTileAsync(LayerDefinition layer, TileCoordinate tile, ReadScope scope, CancellationToken ct)
    {
        var sql = sqlCache.GetOrAdd((layer.Name, Visibility.Predicate(scope, "r")), _ => TileSql.Build(layer, scope));
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("layer_name", layer.Name);
        command.Parameters.AddWithValue("z", tile.Z);
        command.Parameters.AddWithValue("x", tile.X);
        command.Parameters.AddWithValue("y", tile.Y);
        command.Parameters.AddWithValue("tolerance", tile.SimplifyTolerance);
        Visibility.AddParameters(scope, command.Parameters);
        return await command.ExecuteScalarAsync(ct) as byte[] ?? [];
    }
}
