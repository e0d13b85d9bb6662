using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// The exceedance list: the Department (administrator and the Department's own accounts) sees every
/// station's; any other unit only those of the stations it owns.
/// </summary>
public sealed class ExceedanceQueries(NpgsqlDataSource dataSource)
{
    public const int MaxRows = 5000;

    /// <param name="ownerUnit">Null: every station; else only the stations this unit owns.</param>
    public async Task<IReadOnlyList<Exceedance>> ListAsync(string? ownerUnit, string? station, DateTime from, DateTime to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT x.id, r.code, r.name, p.code, p.unit, x.averaging, x.period_start, x.period_end, x.value, x.low, x.high, x.standard, x.detected_at, x.provisional
            FROM monitoring.exceedances AS x
            JOIN data.monitoring_stations AS r ON r.id = x.station_id
            JOIN monitoring.parameters AS p ON p.id = x.parameter_id
            WHERE x.period_start >= @from AND x.period_start < @to AND r.status <> 'archived'
              AND (@owner::text IS NULL OR r.owner_unit = @owner) AND (@station::text IS NULL OR r.code = @station)
            ORDER BY x.period_start DESC, r.code, p.code
            LIMIT {MaxRows}
            """);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("owner", (object?)ownerUnit ?? DBNull.Value);
        command.Parameters.AddWithValue("station", (object?)station ?? DBNull.Value);
        var list = new List<Exceedance>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new Exceedance(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetDateTime(6), reader.GetDateTime(7), reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9), reader.IsDBNull(10) ? null : reader.GetDouble(10), reader.GetString(11),
                reader.GetDateTime(12), reader.GetBoolean(13)));
        }

        return list;
    }
}
