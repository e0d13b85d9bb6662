using Npgsql;

namespace EnvGis.Data.Changes;

/// <summary>Reads the change log and the layer versions (SQL of docs/tiles.md "Invalidation").</summary>
public sealed class ChangeLogStore(NpgsqlDataSource primary)
{
    /// <summary>The channel the triggers NOTIFY with payload "layer:seq".</summary>
    public const string Channel = "envgis_tiles";

    /// <summary>Every layer's counters, and the primary's WAL position when they were read.</summary>
    public async Task<(IReadOnlyDictionary<string, LayerSeqs> Layers, string Position)> ReadStateAsync(CancellationToken ct)
    {
        await using var connection = await primary.OpenConnectionAsync(ct);
        var owners = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT layer, unit, seq FROM tiles.owner_state", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var layer = reader.GetString(0);
                if (!owners.TryGetValue(layer, out var units))
                {
                    owners[layer] = units = new Dictionary<string, long>(StringComparer.Ordinal);
                }

                units[reader.GetString(1)] = reader.GetInt64(2);
            }
        }

        var layers = new Dictionary<string, LayerSeqs>(StringComparer.Ordinal);
        string position;
        await using (var command = new NpgsqlCommand(
            "SELECT layer, seq, public_seq, pg_current_wal_lsn()::text FROM tiles.layer_state", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            position = "0/0";
            while (await reader.ReadAsync(ct))
            {
                var layer = reader.GetString(0);
                layers[layer] = new LayerSeqs(reader.GetInt64(1), reader.GetInt64(2),
                    owners.GetValueOrDefault(layer) ?? new Dictionary<string, long>(StringComparer.Ordinal));
                position = reader.GetString(3);
            }
        }

        if (layers.Count == 0)
        {
            await using var command = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", connection);
            position = (string)(await command.ExecuteScalarAsync(ct))!;
        }

        return (layers, position);
    }

    /// <summary>
    /// The changes after the given sequence numbers (layers not named: from the start of the log), in
    /// order per layer, and the primary's WAL position once they were read (every change read is
    /// committed at or before it).
    /// </summary>
    public async Task<(IReadOnlyList<LayerChange> Changes, string Position)> ReadSinceAsync(
        IReadOnlyDictionary<string, long> applied, CancellationToken ct)
    {
        await using var connection = await primary.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT c.layer, c.seq, c.public, c.owners, c.boxes, c.reason
            FROM tiles.changes AS c
            LEFT JOIN unnest(@layers, @seqs) AS a(layer, seq) ON a.layer = c.layer
            WHERE c.seq > coalesce(a.seq, 0)
            ORDER BY c.layer, c.seq
            """, connection);
        command.Parameters.AddWithValue("layers", applied.Keys.ToArray());
        command.Parameters.AddWithValue("seqs", applied.Values.ToArray());
        var changes = new List<LayerChange>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                changes.Add(new LayerChange(reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2),
                    reader.GetFieldValue<string[]>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<double[]>(4), reader.GetString(5)));
            }
        }

        await using var lsn = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", connection);
        return (changes, (string)(await lsn.ExecuteScalarAsync(ct))!);
    }

    /// <summary>The oldest sequence number still in the log per layer (older entries were pruned).</summary>
    public async Task<IReadOnlyDictionary<string, long>> OldestAsync(CancellationToken ct)
    {
        await using var command = primary.CreateCommand("SELECT layer, min(seq) FROM tiles.changes GROUP BY layer");
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }

    /// <summary>Deletes log entries older than <paramref name="age"/>, keeping each layer's last one.</summary>
    public async Task<int> PruneAsync(TimeSpan age, CancellationToken ct)
    {
        await using var command = primary.CreateCommand("""
            DELETE FROM tiles.changes AS c
            WHERE c.at < now() - @age
              AND c.seq < (SELECT max(x.seq) FROM tiles.changes AS x WHERE x.layer = c.layer)
            """);
        command.Parameters.AddWithValue("age", age);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The last sequence number of each of the layers, as the primary has them now.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadSeqsAsync(IEnumerable<string> layers, CancellationToken ct)
    {
        await using var command = primary.CreateCommand("SELECT layer, seq FROM tiles.layer_state WHERE layer = ANY(@layers)");
        command.Parameters.AddWithValue("layers", layers.Distinct(StringComparer.Ordinal).ToArray());
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }

    /// <summary>The identity of the database (tiles.instance), the same on its standbys.</summary>
    public async Task<string> DatabaseIdAsync(CancellationToken ct)
    {
        await using var command = primary.CreateCommand("SELECT id::text FROM tiles.instance LIMIT 1");
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Tracks every layer table that has no tile triggers yet (tiles.track_all); returns how many.</summary>
    public async Task<int> TrackAllAsync(CancellationToken ct)
    {
        await using var command = primary.CreateCommand("SELECT tiles.track_all()");
        command.CommandTimeout = 600;
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }
}
