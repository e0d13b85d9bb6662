using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Periodic work: the silence flag of the stations (docs/monitoring.md "Data silence"), next month's
/// partition made ahead of time, and the daily received/expected report.
/// </summary>
public sealed class MonitoringMaintenance(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Sets <c>silent</c> on automatic stations that delivered before but nothing for the rules' silence
    /// time, and clears it when they deliver again (a load clears it too). Stations that never delivered
    /// stay null ("no data"). Only changed rows are updated, and no statement runs when none changed, so
    /// the layer's data_version moves only on a real change.
    /// </summary>
    public async Task FlagSilenceAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM data.monitoring_stations AS r JOIN monitoring.station_state AS t ON t.station_id = r.id
                           CROSS JOIN monitoring.rules AS u
                           WHERE r.automatic AND r.status <> 'archived'
                             AND r.silent IS DISTINCT FROM (t.last_received_at < now() - make_interval(mins => u.silence_minutes))) THEN
                    UPDATE data.monitoring_stations AS r SET silent = (t.last_received_at < now() - make_interval(mins => u.silence_minutes))
                    FROM monitoring.station_state AS t CROSS JOIN monitoring.rules AS u
                    WHERE t.station_id = r.id AND r.automatic AND r.status <> 'archived'
                      AND r.silent IS DISTINCT FROM (t.last_received_at < now() - make_interval(mins => u.silence_minutes));
                END IF;
            END
            $$
            """);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Makes this month's and next month's observation partitions if they are missing.</summary>
    public async Task EnsurePartitionsAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var month in new[] { now, now.AddMonths(1) })
        {
            await using var command = dataSource.CreateCommand("SELECT monitoring.ensure_partition(@t)");
            command.Parameters.AddWithValue("t", month.ToUniversalTime());
            await command.ExecuteScalarAsync(ct);
        }
    }

    /// <summary>
    /// Readings received per station on a Việt Nam day against those expected: for each series that had
    /// begun by the end of the day and reported within 30 days before it, 1 440 / its interval.
    /// </summary>
    public async Task<IReadOnlyList<DailyReportRow>> DailyReportAsync(long[] stations, DateOnly day, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT u.id,
                   coalesce((SELECT sum(d.readings) FROM monitoring.daily AS d WHERE d.station_id = u.id AND d.day = @day), 0)::int,
                   coalesce((SELECT sum(1440 / s.interval_minutes) FROM monitoring.series AS s
                             WHERE s.station_id = u.id AND s.first_at < (@day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                               AND s.last_at >= (@day - 30)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'), 0)::int
            FROM unnest(@stations) AS u (id)
            """);
        command.Parameters.AddWithValue("stations", stations);
        command.Parameters.AddWithValue("day", day);
        var list = new List<DailyReportRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new DailyReportRow(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return list;
    }
}
