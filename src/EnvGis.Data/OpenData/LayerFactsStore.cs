using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Features;
using EnvGis.Data.Sql;
using Npgsql;

namespace EnvGis.Data.OpenData;

/// <summary>Reads <see cref="LayerFacts"/> over the records a scope may see (the same visibility as every channel).</summary>
public sealed class LayerFactsStore(NpgsqlDataSource dataSource)
{
    private const int MaxListed = 20;

    public async Task<LayerFacts> ReadAsync(LayerDefinition layer, ReadScope scope, CancellationToken ct)
    {
        if (!scope.CanSee(layer))
        {
            return new LayerFacts(0, null, null, null, null, [], []);
        }

        var table = SqlIdentifier.LayerTable(layer.Name);
        var visible = Visibility.Predicate(scope, FeatureSql.Alias);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"""
                    SELECT count(*), ST_XMin(ST_Extent(r.geom)), ST_YMin(ST_Extent(r.geom)), ST_XMax(ST_Extent(r.geom)), ST_YMax(ST_Extent(r.geom)),
                           max(r.updated_at), min(r.valid_from), CASE WHEN bool_or(r.valid_to IS NULL) THEN NULL ELSE max(r.valid_to) END
                    FROM {table} AS r WHERE {visible}
                    """),
                new NpgsqlBatchCommand($"""
                    SELECT u.code, u.name_vi, u.name_en
                    FROM envgis.units AS u
                    WHERE u.code IN (SELECT DISTINCT r.owner_unit FROM {table} AS r WHERE {visible})
                    ORDER BY u.code LIMIT {MaxListed}
                    """),
                new NpgsqlBatchCommand($"""
                    SELECT DISTINCT r.source FROM {table} AS r
                    WHERE {visible} AND r.source IS NOT NULL AND btrim(r.source) <> ''
                    ORDER BY r.source LIMIT {MaxListed}
                    """),
            },
        };
        foreach (NpgsqlBatchCommand command in batch.BatchCommands)
        {
            Visibility.AddParameters(scope, command.Parameters);
        }

        batch.Timeout = (int)FeatureStore.CommandTimeout.TotalSeconds;
        await using var reader = await batch.ExecuteReaderAsync(ct);
        long count = 0;
        double[]? extent = null;
        DateTimeOffset? updated = null;
        DateOnly? from = null, to = null;
        if (await reader.ReadAsync(ct))
        {
            count = reader.GetInt64(0);
            extent = reader.IsDBNull(1) ? null : [reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4)];
            updated = reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(5), TimeSpan.Zero);
            from = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6);
            to = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7);
        }

        await reader.NextResultAsync(ct);
        var owners = new List<OwnerUnit>();
        while (await reader.ReadAsync(ct))
        {
            owners.Add(new OwnerUnit(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        await reader.NextResultAsync(ct);
        var sources = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            sources.Add(reader.GetString(0));
        }

        return new LayerFacts(count, extent, updated, from, to, owners, sources);
    }
}
