using EnvGis.Core.Monitoring;
using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Reads a station's series at an interval over a time range (the caller has checked the station's
/// visibility), and the limits that apply to it. Each read is one index range scan.
/// </summary>
public sealed class ObservationQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The hourly series of <c>@s</c>, <c>@p</c> over [<c>@from</c>, <c>@to</c>) (public for the benchmark's EXPLAIN).</summary>
    public const string HourlySql =
        """
        SELECT hour, mean, min, max, coverage::float8, calibrating::int, fault::int, NULL::smallint, NULL::float8
        FROM monitoring.hourly WHERE station_id = @s AND parameter_id = @p AND hour >= @from AND hour < @to ORDER BY hour
        """;

    public async Task<IReadOnlyList<SeriesPoint>> SeriesAsync(long station, short parameter, SeriesInterval interval, DateTime from, DateTime to,
        CancellationToken ct)
    {
        var sql = interval switch
        {
            SeriesInterval.Raw => """
                SELECT observed_at, CASE WHEN status = 0 THEN value END, NULL::float8, NULL::float8, NULL::float8,
                       (status = 1)::int, (status = 2)::int, status, value
                FROM monitoring.observations WHERE station_id = @s AND parameter_id = @p AND observed_at >= @from AND observed_at < @to
                ORDER BY observed_at
                """,
            SeriesInterval.Hour => HourlySql,
            SeriesInterval.EightHour => """
                SELECT hour, mean, NULL::float8, NULL::float8, coverage::float8, 0, 0, NULL::smallint, NULL::float8
                FROM monitoring.eight_hour WHERE station_id = @s AND parameter_id = @p AND hour >= @from AND hour < @to ORDER BY hour
                """,
            _ => """
                SELECT day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', mean, min, max, coverage::float8, 0, 0, NULL::smallint, NULL::float8
                FROM monitoring.daily WHERE station_id = @s AND parameter_id = @p
                  AND day >= (@from AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AND day < (@to AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                ORDER BY day
                """,
        };
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("s", station);
        command.Parameters.AddWithValue("p", parameter);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        var points = new List<SeriesPoint>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            double? D(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
            var status = reader.IsDBNull(7) ? (string?)null : ((ReadingStatus)reader.GetInt16(7)).Name();
            // A raw calibrating or fault reading keeps its value, flagged, so it can be shown but never averaged.
            var value = status is null or "measuring" ? D(1) : D(8);
            points.Add(new SeriesPoint(reader.GetDateTime(0), value, D(2), D(3), D(4), reader.GetInt32(5), reader.GetInt32(6), status));
        }

        return points;
    }

    /// <summary>The parameters a station has data for, in catalogue order.</summary>
    public async Task<IReadOnlyList<short>> ParametersAsync(long station, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT parameter_id FROM monitoring.series WHERE station_id = @s ORDER BY parameter_id");
        command.Parameters.AddWithValue("s", station);
        var list = new List<short>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.GetInt16(0));
        }

        return list;
    }

    /// <summary>The national limits of the station's type (and zone) and its permit limits for a parameter.</summary>
    public async Task<IReadOnlyList<SeriesLimit>> LimitsAsync(long station, string stationType, short parameter, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT 'national', l.standard, l.averaging, l.zone, l.low, l.high, l.valid_from, l.valid_to, l.verified
            FROM monitoring.limits AS l
            LEFT JOIN monitoring.station_settings AS ss ON ss.station_id = @s
            WHERE l.parameter_id = @p AND @type = ANY (l.station_types) AND (l.zone IS NULL OR l.zone = ss.limit_zone)
            UNION ALL
            SELECT 'permit', p.standard || ' (' || p.permit || ')', p.averaging, p.zone, p.low, p.high, p.valid_from, p.valid_to, true
            FROM monitoring.permit_limits AS p WHERE p.station_id = @s AND p.parameter_id = @p
            ORDER BY 3, 7 NULLS FIRST
            """);
        command.Parameters.AddWithValue("s", station);
        command.Parameters.AddWithValue("p", parameter);
        command.Parameters.AddWithValue("type", stationType);
        var list = new List<SeriesLimit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new SeriesLimit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
                reader.GetBoolean(8)));
        }

        return list;
    }
}
