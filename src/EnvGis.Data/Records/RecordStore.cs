using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Changes;
using EnvGis.Data.Sql;
using Npgsql;

namespace EnvGis.Data.Records;

/// <summary>
/// Layer records for the JSON API: reads through the caller's <see cref="ReadScope"/> (the same
/// visibility rules as tiles and WFS), the edit history, and <see cref="BeginAsync"/> to write.
/// After a commit the writer waits for this node's <see cref="ChangeFeed"/> to apply the change, so
/// the caller's next read through this node (a tile, a map) never comes from a stale cache.
/// </summary>
public sealed class RecordStore(NpgsqlDataSource dataSource, ChangeFeed? changes = null)
{
    public const int MaxPageSize = 1000;

    /// <summary>Decimal places of GeoJSON coordinates: enough to give back every stored double exactly.</summary>
    public const int GeoJsonDecimals = 15;

    /// <summary>Starts a transaction of writes by <paramref name="actor"/> through <paramref name="channel"/> (<see cref="RecordChannel"/>).</summary>
    public Task<RecordWriter> BeginAsync(WriteScope actor, string channel, CancellationToken ct) =>
        RecordWriter.BeginAsync(dataSource, actor, channel, changes, ct);

    /// <summary>One record the scope may read, or null; named by its id, an archived record is found too (history, restore).</summary>
    public async Task<RecordDocument?> ReadAsync(LayerDefinition layer, long id, ReadScope scope, CancellationToken ct)
    {
        var list = await QueryAsync(layer, scope, "r.id = @id", p => p.AddWithValue("id", id), 1, 0, ct, includeArchived: true);
        return list.Count == 1 ? list[0] : null;
    }

    /// <summary>A page of the records the scope may read, by id, optionally of one status; archived ones only when asked for by that status.</summary>
    public Task<IReadOnlyList<RecordDocument>> ListAsync(LayerDefinition layer, ReadScope scope, string? status, int limit, long offset,
        CancellationToken ct) =>
        QueryAsync(layer, scope, status is null ? "TRUE" : "r.status = @status",
            p => p.AddWithValue("status", status ?? ""), Math.Clamp(limit, 1, MaxPageSize), Math.Max(0, offset), ct,
            includeArchived: status == RecordStatus.Archived);

    /// <summary>The history of one record, oldest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(LayerDefinition layer, long id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT id, action, version, from_status, to_status, user_name, unit_code, channel, comment, at,
                   before_attributes::text, ST_AsGeoJSON(before_geom, {GeoJsonDecimals}),
                   after_attributes::text, ST_AsGeoJSON(after_geom, {GeoJsonDecimals})
            FROM envgis.record_history WHERE layer = @layer AND record_id = @id ORDER BY id
            """);
        command.Parameters.AddWithValue("layer", layer.Name);
        command.Parameters.AddWithValue("id", id);
        var entries = new List<HistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            entries.Add(new HistoryEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), Text(3), Text(4), reader.GetString(5), Text(6),
                reader.GetString(7), Text(8), reader.GetFieldValue<DateTime>(9), Text(10), Text(11), Text(12), Text(13)));
        }

        return entries;
    }

    private async Task<IReadOnlyList<RecordDocument>> QueryAsync(LayerDefinition layer, ReadScope scope, string condition,
        Action<NpgsqlParameterCollection> parameters, int limit, long offset, CancellationToken ct, bool includeArchived = false)
    {
        if (!scope.CanSee(layer))
        {
            return [];
        }

        await using var command = dataSource.CreateCommand($"""
            SELECT r.id, (to_jsonb(r) - 'geom')::text, ST_AsGeoJSON(r.geom, {GeoJsonDecimals})
            FROM {SqlIdentifier.LayerTable(layer.Name)} AS r
            WHERE {Visibility.Predicate(scope, "r", includeArchived)} AND {condition}
            ORDER BY r.id LIMIT @limit OFFSET @offset
            """);
        Visibility.AddParameters(scope, command.Parameters);
        parameters(command.Parameters);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("offset", offset);
        var result = new List<RecordDocument>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            using var columns = JsonDocument.Parse(reader.GetString(1));
            result.Add(new RecordDocument(layer.Name, reader.GetInt64(0), columns.RootElement.Clone(), reader.GetString(2)));
        }

        return result;
    }
}
