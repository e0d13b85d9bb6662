using System.Data;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Replication;
using EnvGis.Data.Sql;
using Npgsql;

namespace EnvGis.Data.Features;

/// <summary>
/// Reads layer records for the OGC services: counts, extents and a forward-only streaming reader,
/// always through the visibility rules of the caller's scope. Public reads may go to a caught-up
/// standby (<see cref="DataSources"/>).
/// </summary>
public sealed class FeatureStore(DataSources sources)
{
    /// <summary>Statements time out after this long, whatever the request's own timeout.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    public async Task<long> CountAsync(FeatureQuery query, CancellationToken ct)
    {
        EnsureVisible(query);
        await using var command = sources.ForRead(query.Scope).CreateCommand(FeatureSql.Count(query));
        AddParameters(command, query, paging: false);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The longest value in UTF-8 bytes of each named column over the query's records (0 when all are empty).</summary>
    public async Task<IReadOnlyList<int>> MaxByteLengthsAsync(FeatureQuery query, IReadOnlyList<string> columns, CancellationToken ct)
    {
        EnsureVisible(query);
        if (columns.Count == 0)
        {
            return [];
        }

        await using var command = sources.ForRead(query.Scope).CreateCommand(FeatureSql.MaxByteLengths(query, columns));
        AddParameters(command, query, paging: false);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return Enumerable.Range(0, columns.Count).Select(reader.GetInt32).ToList();
    }

    /// <summary>Opens a sequential reader over the query; dispose it to release the connection.</summary>
    public async Task<FeatureReader> OpenAsync(FeatureQuery query, CancellationToken ct)
    {
        EnsureVisible(query);
        var connection = await sources.ForRead(query.Scope).OpenConnectionAsync(ct);
        try
        {
            var command = new NpgsqlCommand(FeatureSql.Select(query), connection);
            AddParameters(command, query, paging: true);
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            return new FeatureReader(connection, command, reader, query);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The lon/lat extent (minx, miny, maxx, maxy) of the records the scope may see, or null when there are none.</summary>
    public async Task<double[]?> GetExtentAsync(LayerDefinition layer, ReadScope scope, CancellationToken ct)
    {
        if (!scope.CanSee(layer))
        {
            return null;
        }

        var sql = $"""
            SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
            FROM (SELECT ST_Extent(r.geom) AS e FROM {SqlIdentifier.LayerTable(layer.Name)} AS r
                  WHERE {Visibility.Predicate(scope, FeatureSql.Alias)}) AS x
            WHERE e IS NOT NULL
            """;
        await using var command = sources.ForRead(scope).CreateCommand(sql);
        command.CommandTimeout = (int)CommandTimeout.TotalSeconds;
        Visibility.AddParameters(scope, command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? [reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3)]
            : null;
    }

    private static void EnsureVisible(FeatureQuery query)
    {
        if (!query.Scope.CanSee(query.Layer))
        {
            throw new InvalidOperationException($"The scope may not read layer '{query.Layer.Name}'.");
        }
    }

    private static void AddParameters(NpgsqlCommand command, FeatureQuery query, bool paging)
    {
        command.CommandTimeout = (int)CommandTimeout.TotalSeconds;
        Visibility.AddParameters(query.Scope, command.Parameters);
        foreach (var parameter in query.Filter.Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        if (paging)
        {
            if (query.Geometry.Encoding != GeometryEncoding.None && query.Geometry.Srid != 4326)
            {
                command.Parameters.AddWithValue("output_srid", query.Geometry.Srid);
            }

            if (query.Geometry.Encoding == GeometryEncoding.GeoJson)
            {
                command.Parameters.AddWithValue("output_decimals", query.Geometry.Decimals);
            }

            if (query.Limit is { } limit)
            {
                command.Parameters.AddWithValue("feature_limit", limit);
            }

            if (query.Offset > 0)
            {
                command.Parameters.AddWithValue("feature_offset", query.Offset);
            }
        }
    }
}
