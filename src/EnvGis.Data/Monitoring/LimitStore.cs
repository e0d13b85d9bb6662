using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// The administrator's limits: national limits (versioned by validity), per-station permit limits and the
/// zone of the national limits a station is held to. The database's checks refuse impossible rows; their
/// reason comes back as the message. Every edit re-evaluates the stored exceedances of the parameters it
/// concerns (of its station, for a permit limit or a zone) in the same transaction (docs/monitoring.md
/// "Limits and exceedances").
/// </summary>
public sealed class LimitStore(NpgsqlDataSource dataSource, MonitoringRulesStore rulesStore)
{
    private const string LimitColumns =
        "l.id, l.standard, p.code, l.averaging, l.zone, l.station_types, l.low, l.high, l.valid_from, l.valid_to, l.source, l.verified, l.note";

    public async Task<IReadOnlyList<LimitRow>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {LimitColumns} FROM monitoring.limits AS l JOIN monitoring.parameters AS p ON p.id = l.parameter_id ORDER BY l.standard, p.id, l.averaging, l.valid_from NULLS FIRST");
        var list = new List<LimitRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new LimitRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4),
                reader.GetFieldValue<string[]>(5), Number(reader, 6), Number(reader, 7), Date(reader, 8), Date(reader, 9), reader.GetString(10),
                reader.GetBoolean(11), Text(reader, 12)));
        }

        return list;
    }

    /// <summary>Creates (id 0) or replaces a limit; returns its id, or the reason it was refused.</summary>
    public async Task<(long? Id, string? Error)> SaveAsync(LimitRow limit, string actor, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(limit.Id == 0
            ? """
              INSERT INTO monitoring.limits (standard, parameter_id, averaging, zone, station_types, low, high, valid_from, valid_to, source, verified, note, updated_by)
              SELECT @standard, p.id, @averaging, @zone, @types, @low, @high, @from, @to, @source, @verified, @note, @actor
              FROM monitoring.parameters AS p WHERE p.code = @parameter
              RETURNING id, ARRAY[parameter_id]
              """
            : """
              WITH old AS (SELECT parameter_id FROM monitoring.limits WHERE id = @id FOR UPDATE)
              UPDATE monitoring.limits AS l SET standard = @standard, parameter_id = p.id, averaging = @averaging, zone = @zone,
                  station_types = @types, low = @low, high = @high, valid_from = @from, valid_to = @to, source = @source,
                  verified = @verified, note = @note, updated_by = @actor, updated_at = now()
              FROM monitoring.parameters AS p, old WHERE p.code = @parameter AND l.id = @id
              RETURNING l.id, ARRAY[l.parameter_id, old.parameter_id]
              """);
        command.Parameters.AddWithValue("id", limit.Id);
        command.Parameters.AddWithValue("standard", limit.Standard);
        command.Parameters.AddWithValue("parameter", limit.Parameter);
        command.Parameters.AddWithValue("averaging", limit.Averaging);
        command.Parameters.AddWithValue("zone", (object?)limit.Zone ?? DBNull.Value);
        command.Parameters.AddWithValue("types", limit.StationTypes.ToArray());
        command.Parameters.AddWithValue("low", (object?)limit.Low ?? DBNull.Value);
        command.Parameters.AddWithValue("high", (object?)limit.High ?? DBNull.Value);
        command.Parameters.AddWithValue("from", (object?)limit.ValidFrom ?? DBNull.Value);
        command.Parameters.AddWithValue("to", (object?)limit.ValidTo ?? DBNull.Value);
        command.Parameters.AddWithValue("source", limit.Source);
        command.Parameters.AddWithValue("verified", limit.Verified);
        command.Parameters.AddWithValue("note", (object?)limit.Note ?? DBNull.Value);
        command.Parameters.AddWithValue("actor", actor);
        return await SaveAsync(command, null, limit.Id == 0 ? $"There is no parameter '{limit.Parameter}'." : $"There is no limit {limit.Id} or no parameter '{limit.Parameter}'.", ct);
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("DELETE FROM monitoring.limits WHERE id = @id RETURNING id, ARRAY[parameter_id]");
        command.Parameters.AddWithValue("id", id);
        return (await SaveAsync(command, null, "", ct)).Id is not null;
    }

    public async Task<IReadOnlyList<PermitLimitRow>> PermitLimitsAsync(long station, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT l.id, r.code, p.code, l.averaging, l.standard, l.zone, l.permit, l.low, l.high, l.valid_from, l.valid_to, l.note
            FROM monitoring.permit_limits AS l JOIN monitoring.parameters AS p ON p.id = l.parameter_id
            JOIN data.monitoring_stations AS r ON r.id = l.station_id
            WHERE l.station_id = @station ORDER BY p.id, l.averaging, l.valid_from NULLS FIRST
            """);
        command.Parameters.AddWithValue("station", station);
        var list = new List<PermitLimitRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new PermitLimitRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Text(reader, 5), reader.GetString(6), Number(reader, 7), Number(reader, 8), Date(reader, 9), Date(reader, 10), Text(reader, 11)));
        }

        return list;
    }

    public async Task<(long? Id, string? Error)> AddPermitLimitAsync(long station, PermitLimitRow limit, string actor, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO monitoring.permit_limits (station_id, parameter_id, averaging, standard, zone, permit, low, high, valid_from, valid_to, note, updated_by)
            SELECT @station, p.id, @averaging, @standard, @zone, @permit, @low, @high, @from, @to, @note, @actor
            FROM monitoring.parameters AS p WHERE p.code = @parameter
            RETURNING id, ARRAY[parameter_id]
            """);
        command.Parameters.AddWithValue("station", station);
        command.Parameters.AddWithValue("parameter", limit.Parameter);
        command.Parameters.AddWithValue("averaging", limit.Averaging);
        command.Parameters.AddWithValue("standard", limit.Standard);
        command.Parameters.AddWithValue("zone", (object?)limit.Zone ?? DBNull.Value);
        command.Parameters.AddWithValue("permit", limit.Permit);
        command.Parameters.AddWithValue("low", (object?)limit.Low ?? DBNull.Value);
        command.Parameters.AddWithValue("high", (object?)limit.High ?? DBNull.Value);
        command.Parameters.AddWithValue("from", (object?)limit.ValidFrom ?? DBNull.Value);
        command.Parameters.AddWithValue("to", (object?)limit.ValidTo ?? DBNull.Value);
        command.Parameters.AddWithValue("note", (object?)limit.Note ?? DBNull.Value);
        command.Parameters.AddWithValue("actor", actor);
        return await SaveAsync(command, station, $"There is no parameter '{limit.Parameter}'.", ct);
    }

    public async Task<bool> DeletePermitLimitAsync(long station, long id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "DELETE FROM monitoring.permit_limits WHERE id = @id AND station_id = @station RETURNING id, ARRAY[parameter_id]");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("station", station);
        return (await SaveAsync(command, station, "", ct)).Id is not null;
    }

    /// <summary>Sets the zone/column/class of the national limits a station is held to (null: only limits without a zone).</summary>
    public async Task SetZoneAsync(long station, string? zone, string actor, CancellationToken ct)
    {
        // Every parameter of the station: the zone selects among all its national limits.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO monitoring.station_settings (station_id, limit_zone, updated_by) VALUES (@station, @zone, @actor)
            ON CONFLICT (station_id) DO UPDATE SET limit_zone = excluded.limit_zone, updated_by = excluded.updated_by, updated_at = now()
            RETURNING station_id, ARRAY(SELECT id FROM monitoring.parameters)
            """);
        command.Parameters.AddWithValue("station", station);
        command.Parameters.AddWithValue("zone", (object?)zone ?? DBNull.Value);
        command.Parameters.AddWithValue("actor", actor);
        await SaveAsync(command, station, "", ct);
    }

    /// <summary>
    /// Runs an edit returning (id, parameter ids it concerns) and re-evaluates those parameters' exceedances
    /// (of <paramref name="station"/>, or of every station) in the same transaction.
    /// </summary>
    private async Task<(long? Id, string? Error)> SaveAsync(NpgsqlCommand command, long? station, string notFound, CancellationToken ct)
    {
        var rules = await rulesStore.GetAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        command.Connection = connection;
        command.Transaction = transaction;
        try
        {
            long id;
            short[] parameters;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct))
                {
                    return (null, notFound);
                }

                id = reader.GetInt64(0);
                parameters = reader.GetFieldValue<short[]>(1).Distinct().ToArray();
            }

            await ExceedanceUpdater.ReevaluateAsync(connection, transaction, rules, parameters, station, ct);
            await transaction.CommitAsync(ct);
            return (id, null);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NotNullViolation)
        {
            return (null, $"The limit breaks a rule ({e.ConstraintName ?? e.ColumnName}): give a low or high value, low ≤ high, valid_to after valid_from, "
                          + "an averaging period of 1h, 8h, 24h or year (permits: 1h, 8h, 24h), and a standard.");
        }
    }

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static double? Number(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);

    private static DateOnly? Date(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateOnly>(i);
}
