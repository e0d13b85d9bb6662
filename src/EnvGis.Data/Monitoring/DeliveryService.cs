using System.Security.Cryptography;
using System.Text.Json;
using EnvGis.Core.Monitoring;
using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Takes in a datalogger delivery from either channel (HTTP upload, FTP drop folder): unpack, parse,
/// check (docs/monitoring.md "Ingestion"), then load the whole file in one transaction — observations,
/// aggregates, VN_AQI, exceedances and the stations' live values — or reject it whole with its reasons.
/// Every delivery, loaded or rejected, is logged in monitoring.deliveries.
/// </summary>
public sealed class DeliveryService(NpgsqlDataSource dataSource, MonitoringCatalogueStore catalogues, MonitoringRulesStore rulesStore,
    TimeProvider clock)
{
    public async Task<DeliveryResult> ProcessAsync(DeliveryFile file, DeliveryActor actor, CancellationToken ct)
    {
        var (entries, unpackProblem) = DeliveryUnpacker.Unpack(file);
        if (unpackProblem is not null)
        {
            return await RejectAsync(file, actor, [unpackProblem], 0, [], ct);
        }

        var catalogue = await catalogues.LoadAsync(ct);
        var rules = await rulesStore.GetAsync(ct);
        var stations = await StationsAsync(entries.SelectMany(DeliveryResolver.CandidateCodes).Distinct().ToArray(), ct);
        var resolver = new DeliveryResolver(catalogue, rules, clock.GetUtcNow(), actor);
        var (readings, used, problems) = resolver.Resolve(entries, stations);
        var accepted = readings.Count;
        if (problems.Count > 0)
        {
            return await RejectAsync(file, actor, problems, accepted, used, ct);
        }

        foreach (var month in ObservationWriter.Months(readings.Values))
        {
            await using var command = dataSource.CreateCommand("SELECT monitoring.ensure_partition(@month)");
            command.Parameters.AddWithValue("month", month);
            await command.ExecuteScalarAsync(ct);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(727021, (s % 2147483647)::integer) FROM unnest(@stations) AS s ORDER BY s", connection, transaction))
        {
            command.Parameters.AddWithValue("stations", used.Select(s => s.Id).Order().ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }

        var deliveryId = await LogAsync(connection, transaction, file, actor, DeliveryResult.Loaded, used, readings.Count, [], ct);
        var load = new LoadContext(connection, transaction, rules, deliveryId, used);
        var replaced = await ObservationWriter.WriteAsync(load, readings.Values, ct);
        await AggregateUpdater.UpdateAsync(load, ct);
        await AqiUpdater.UpdateAsync(load, ct);
        await ExceedanceUpdater.UpdateAsync(load, ct);
        await StationLiveValues.UpdateAsync(load, ct);
        await load.ExecuteAsync("UPDATE monitoring.deliveries SET replaced = @replaced WHERE id = @id", ct,
            ("replaced", replaced), ("id", deliveryId));
        await transaction.CommitAsync(ct);
        return new DeliveryResult(file.Name, DeliveryResult.Loaded, deliveryId, accepted, 0, [], readings.Count, replaced,
            used.Select(s => s.Code).ToList());
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
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO monitoring.deliveries (channel, file_name, size_bytes, sha256, user_name, unit_code, status, station_ids, accepted, problems)
            VALUES (@channel, @name, @size, @sha, @user, @unit, @status, @stations, @accepted, @problems::jsonb)
            RETURNING id
            """, connection, transaction);
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
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
