using System.Security.Cryptography;
using System.Text.Json;
using EnvGis.Core.Monitoring;
using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Takes in datalogger deliveries from either channel (HTTP upload, FTP drop folder): unpack, parse,
/// check (docs/monitoring.md "Ingestion"), then load the files that passed — several files of one
/// request or scan in one transaction: observations, aggregates, VN_AQI, exceedances and the stations'
/// live values — or reject a file whole with its reasons. A file is loaded whole or not at all: when the
/// shared transaction fails, each file is loaded again on its own. Every delivery, loaded or rejected, is
/// logged in monitoring.deliveries.
/// </summary>
public sealed class DeliveryService(NpgsqlDataSource dataSource, MonitoringCatalogueStore catalogues, MonitoringRulesStore rulesStore,
    TimeProvider clock)
{
    public async Task<DeliveryResult> ProcessAsync(DeliveryFile file, DeliveryActor actor, CancellationToken ct) =>
        (await ProcessAsync([file], actor, ct))[0];

    /// <summary>Processes the files of one request or scan: a result per file, in order.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> ProcessAsync(IReadOnlyList<DeliveryFile> files, DeliveryActor actor, CancellationToken ct)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var results = new DeliveryResult?[files.Count];
        var unpacked = files.Select(DeliveryUnpacker.Unpack).ToList();
        var catalogue = await catalogues.LoadAsync(ct);
        var rules = await rulesStore.GetAsync(ct);
        var stations = await StationsAsync(
            unpacked.SelectMany(u => u.Entries).SelectMany(DeliveryResolver.CandidateCodes).Distinct().ToArray(), ct);
        var resolver = new DeliveryResolver(catalogue, rules, clock.GetUtcNow(), actor);
        var accepted = new List<(int Index, ResolvedDelivery Delivery)>();
        for (var i = 0; i < files.Count; i++)
        {
            var (entries, unpackProblem) = unpacked[i];
            if (unpackProblem is not null)
            {
                results[i] = await RejectAsync(files[i], actor, [unpackProblem], 0, [], ct);
                continue;
            }

            var (readings, used, problems) = resolver.Resolve(entries, stations);
            if (problems.Count > 0)
            {
                results[i] = await RejectAsync(files[i], actor, problems, readings.Count, used, ct);
                continue;
            }

            accepted.Add((i, new ResolvedDelivery(files[i], readings.Values, used)));
        }

        if (accepted.Count > 0)
        {
            IReadOnlyList<DeliveryResult> loaded;
            try
            {
                loaded = await LoadAsync(accepted.Select(a => a.Delivery).ToList(), actor, catalogue, rules, ct);
            }
            catch (PostgresException) when (accepted.Count > 1)
            {
                // One file's trouble (a deadlock, a constraint) must not cost the others: each on its own.
                var alone = new List<DeliveryResult>();
                foreach (var (_, delivery) in accepted)
                {
                    alone.AddRange(await LoadAsync([delivery], actor, catalogue, rules, ct));
                }

                loaded = alone;
            }

            for (var k = 0; k < accepted.Count; k++)
            {
                results[accepted[k].Index] = loaded[k];
            }
        }

        return results.Select(r => r!).ToList();
    }

    /// <summary>Loads the checked files in one transaction, in order (a later file wins over an earlier one).</summary>
    private async Task<IReadOnlyList<DeliveryResult>> LoadAsync(List<ResolvedDelivery> deliveries, DeliveryActor actor, MonitoringCatalogue catalogue,
        MonitoringRules rules, CancellationToken ct)
    {
        foreach (var month in ObservationWriter.Months(deliveries.SelectMany(d => d.Readings)).Distinct())
        {
            await using var command = dataSource.CreateCommand("SELECT monitoring.ensure_partition(@month)");
            command.Parameters.AddWithValue("month", month);
            await command.ExecuteScalarAsync(ct);
        }

        var stations = deliveries.SelectMany(d => d.Stations).DistinctBy(s => s.Id).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var ids = new List<long>();
        // One round trip: the stations' locks (in id order, so concurrent loads cannot deadlock) and a log row per file.
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var locks = new NpgsqlBatchCommand(
                "SELECT pg_advisory_xact_lock(727021, (s % 2147483647)::integer) FROM unnest(@stations) AS s ORDER BY s");
            locks.Parameters.AddWithValue("stations", stations.Select(s => s.Id).Order().ToArray());
            batch.BatchCommands.Add(locks);
            foreach (var delivery in deliveries)
            {
                batch.BatchCommands.Add(LogCommand(delivery.File, actor, DeliveryResult.Loaded, delivery.Stations, delivery.Readings.Count, [], null));
            }

            await using var reader = await batch.ExecuteReaderAsync(ct);
            while (await reader.NextResultAsync(ct))
            {
                await reader.ReadAsync(ct);
                ids.Add(reader.GetInt64(0));
            }
        }

        var load = new LoadContext(connection, transaction, rules, catalogue, stations,
            ObservationWriter.Ranges(deliveries.SelectMany(d => d.Readings)));
        var replaced = await ObservationWriter.WriteAsync(load,
            deliveries.Select((d, i) => (ids[i], d.Readings)).ToList(), ct);
        await AggregateUpdater.UpdateAsync(load, ct);
        await AqiUpdater.UpdateAsync(load, ct);
        await ExceedanceUpdater.UpdateAsync(load, ct);
        await StationLiveValues.UpdateAsync(load, ct);
        await load.ExecuteAsync(
            """
            UPDATE monitoring.deliveries AS d SET replaced = u.replaced FROM unnest(@ids, @replaced) AS u (id, replaced)
            WHERE d.id = u.id AND u.replaced > 0
            """, ct, ("ids", ids.ToArray()), ("replaced", ids.Select(id => replaced[id]).ToArray()));
        await transaction.CommitAsync(ct);
        return deliveries.Select((d, i) => new DeliveryResult(d.File.Name, DeliveryResult.Loaded, ids[i], d.Readings.Count, 0, [],
            d.Readings.Count, replaced[ids[i]], d.Stations.Select(s => s.Code).ToList())).ToList();
    }

    /// <summary>Logs and answers a file refused unread because it is larger than <see cref="DeliveryLimits.MaxFileBytes"/>.</summary>
    public async Task<DeliveryResult> RejectTooLargeAsync(string name, long size, DeliveryActor actor, CancellationToken ct)
    {
        var problem = new DeliveryProblem(DeliveryProblemCodes.TooLarge,
            $"The file is larger than {DeliveryLimits.MaxFileBytes / (1024 * 1024)} MB (text files: {DeliveryLimits.MaxTextBytes / (1024 * 1024)} MB).", name);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var id = await LogAsync(connection, null, new DeliveryFile(name, [], []), actor, DeliveryResult.Rejected, [], 0, [problem], ct, size);
        return new DeliveryResult(name, DeliveryResult.Rejected, id, 0, 1, [problem], 0, 0, []);
    }

    private async Task<Dictionary<string, Station>> StationsAsync(string[] codes, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, code, name, station_type, owner_unit, automatic FROM data.monitoring_stations
            WHERE status <> 'archived' AND code = ANY(@codes)
            """);
        command.Parameters.AddWithValue("codes", codes);
        var stations = new Dictionary<string, Station>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var station = new Station(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetBoolean(5));
            stations[station.Code] = station;
        }

        return stations;
    }

    private async Task<DeliveryResult> RejectAsync(DeliveryFile file, DeliveryActor actor, List<DeliveryProblem> problems, int accepted,
        IReadOnlyList<Station> stations, CancellationToken ct)
    {
        var listed = problems.OrderBy(p => p.Entry, StringComparer.Ordinal).ThenBy(p => p.Line).Take(DeliveryLimits.MaxProblemsListed).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var id = await LogAsync(connection, null, file, actor, DeliveryResult.Rejected, stations, 0, listed, ct);
        return new DeliveryResult(file.Name, DeliveryResult.Rejected, id, accepted, problems.Count, listed, 0, 0,
            stations.Select(s => s.Code).ToList());
    }

    private static async Task<long> LogAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DeliveryFile file, DeliveryActor actor,
        string status, IReadOnlyList<Station> stations, int accepted, IReadOnlyList<DeliveryProblem> problems, CancellationToken ct,
        long? unreadSize = null)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { LogCommand(file, actor, status, stations, accepted, problems, unreadSize) } };
        return (long)(await batch.ExecuteScalarAsync(ct))!;
    }

    private static NpgsqlBatchCommand LogCommand(DeliveryFile file, DeliveryActor actor, string status, IReadOnlyList<Station> stations, int accepted,
        IReadOnlyList<DeliveryProblem> problems, long? unreadSize)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO monitoring.deliveries (channel, file_name, size_bytes, sha256, user_name, unit_code, status, station_ids, accepted, problems)
            VALUES (@channel, @name, @size, @sha, @user, @unit, @status, @stations, @accepted, @problems::jsonb)
            RETURNING id
            """);
        command.Parameters.AddWithValue("channel", actor.Channel);
        command.Parameters.AddWithValue("name", file.Name.Length > 255 ? file.Name[..255] : file.Name);
        command.Parameters.AddWithValue("size", unreadSize ?? file.Content.Length);
        command.Parameters.AddWithValue("sha", unreadSize is null ? Convert.ToHexStringLower(SHA256.HashData(file.Content)) : DBNull.Value);
        command.Parameters.AddWithValue("user", actor.UserName);
        command.Parameters.AddWithValue("unit", (object?)actor.UnitCode ?? DBNull.Value);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("stations", stations.Select(s => s.Id).ToArray());
        command.Parameters.AddWithValue("accepted", accepted);
        command.Parameters.AddWithValue("problems", JsonSerializer.Serialize(problems.Select(p => new { p.Code, p.Message, p.Entry, p.Line })));
        return command;
    }
}
