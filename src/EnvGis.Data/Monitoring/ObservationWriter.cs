using Npgsql;
using NpgsqlTypes;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Stores a load's readings (docs/monitoring.md "Storage"): new readings (nothing stored in their series'
/// time ranges) by binary COPY; otherwise the readings travel as binary array parameters and one statement
/// per group of files records the values it replaces and upserts into the partitioned observations (the
/// later delivery wins); then one statement keeps each series' first and
/// latest reading and the stations' last delivery. No temporary tables: no catalogue writes per load.
/// </summary>
public static class ObservationWriter
{
    /// <summary>Writes the files' readings in order (a later file wins); the number of replaced values per delivery.</summary>
    public static async Task<Dictionary<long, int>> WriteAsync(LoadContext load, IReadOnlyList<(long DeliveryId, IReadOnlyCollection<Reading> Readings)> files,
        CancellationToken ct)
    {
        var replaced = files.ToDictionary(f => f.DeliveryId, _ => 0);
        var groups = DisjointGroups(files).ToList();
        if (groups.Count == 1 && await TryCopyNewAsync(load, groups[0], ct))
        {
            await SeriesAsync(load, files, ct);
            return replaced;
        }

        foreach (var group in groups)
        {
            var rows = group.SelectMany(f => f.Readings.Select(r => (f.DeliveryId, Reading: r))).ToList();
            // One statement: the CTE reads the values being replaced before the upsert changes them (one snapshot).
            // The planner takes unnest for 100 rows, so it probes the observations' index rather than scanning a month.
            await using var command = load.Command(
                """
                WITH s AS (
                    SELECT * FROM unnest(@deliveries, @stations, @parameters, @times, @values, @statuses)
                        AS s (delivery_id, station_id, parameter_id, observed_at, value, status)
                ), old AS (
                    SELECT s.station_id, s.parameter_id, s.observed_at, o.value AS old_value, o.status AS old_status, o.delivery_id AS old_delivery,
                           s.value, s.status, s.delivery_id
                    FROM s
                    JOIN monitoring.observations AS o
                      ON o.station_id = s.station_id AND o.parameter_id = s.parameter_id AND o.observed_at = s.observed_at
                    WHERE o.observed_at BETWEEN @from AND @to AND (o.value, o.status) IS DISTINCT FROM (s.value, s.status)
                ), upsert AS (
                    INSERT INTO monitoring.observations AS o (station_id, observed_at, value, delivery_id, parameter_id, status)
                    SELECT station_id, observed_at, value, delivery_id, parameter_id, status FROM s
                    ON CONFLICT (station_id, parameter_id, observed_at)
                    DO UPDATE SET value = excluded.value, status = excluded.status, delivery_id = excluded.delivery_id
                ), recorded AS (
                    INSERT INTO monitoring.replacements (station_id, parameter_id, observed_at, old_value, old_status, old_delivery_id,
                                                         new_value, new_status, new_delivery_id)
                    SELECT station_id, parameter_id, observed_at, old_value, old_status, old_delivery, value, status, delivery_id FROM old
                    RETURNING new_delivery_id
                )
                SELECT new_delivery_id, count(*)::integer FROM recorded GROUP BY new_delivery_id
                """);
            command.Parameters.AddWithValue("deliveries", rows.Select(x => x.DeliveryId).ToArray());
            command.Parameters.AddWithValue("stations", rows.Select(x => x.Reading.StationId).ToArray());
            command.Parameters.AddWithValue("parameters", rows.Select(x => x.Reading.ParameterId).ToArray());
            command.Parameters.AddWithValue("times", rows.Select(x => x.Reading.Time.UtcDateTime).ToArray());
            command.Parameters.AddWithValue("values", rows.Select(x => x.Reading.Value).ToArray());
            command.Parameters.AddWithValue("statuses", rows.Select(x => x.Reading.Status).ToArray());
            command.Parameters.AddWithValue("from", rows.Min(x => x.Reading.Time).UtcDateTime);
            command.Parameters.AddWithValue("to", rows.Max(x => x.Reading.Time).UtcDateTime);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                replaced[reader.GetInt64(0)] = reader.GetInt32(1);
            }
        }

        await SeriesAsync(load, files, ct);
        return replaced;
    }

    /// <summary>
    /// The usual case — readings of times not stored yet — by binary COPY straight into the partitioned
    /// table, as fast as the database takes rows: when no stored observation of any of the files' series
    /// lies between the series' first and last new reading, nothing can be replaced. The load holds its
    /// stations' advisory locks, so no other load writes these series before the COPY; should a row exist
    /// anyway, the COPY is undone to a savepoint and the upsert does the work. False when it did not copy.
    /// </summary>
    private static async Task<bool> TryCopyNewAsync(LoadContext load, List<(long DeliveryId, IReadOnlyCollection<Reading> Readings)> files,
        CancellationToken ct)
    {
        var series = files.SelectMany(f => f.Readings).GroupBy(r => (r.StationId, r.ParameterId))
            .Select(g => (g.Key.StationId, g.Key.ParameterId, First: g.Min(r => r.Time).UtcDateTime, Last: g.Max(r => r.Time).UtcDateTime))
            .ToList();
        await using (var check = load.Command(
            """
            SELECT EXISTS (
                SELECT 1 FROM unnest(@stations, @parameters, @firsts, @lasts) AS r (station_id, parameter_id, first_at, last_at)
                WHERE EXISTS (SELECT 1 FROM monitoring.observations AS o
                              WHERE o.station_id = r.station_id AND o.parameter_id = r.parameter_id
                                AND o.observed_at BETWEEN r.first_at AND r.last_at))
            """))
        {
            check.Parameters.AddWithValue("stations", series.Select(x => x.StationId).ToArray());
            check.Parameters.AddWithValue("parameters", series.Select(x => x.ParameterId).ToArray());
            check.Parameters.AddWithValue("firsts", series.Select(x => x.First).ToArray());
            check.Parameters.AddWithValue("lasts", series.Select(x => x.Last).ToArray());
            if ((bool)(await check.ExecuteScalarAsync(ct))!)
            {
                return false;
            }
        }

        await load.Transaction.SaveAsync("copy_new", ct);
        try
        {
            await using var writer = await load.Connection.BeginBinaryImportAsync(
                "COPY monitoring.observations (station_id, observed_at, value, delivery_id, parameter_id, status) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var (deliveryId, readings) in files)
            {
                foreach (var r in readings)
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(r.StationId, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(r.Time.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                    await writer.WriteAsync(r.Value, NpgsqlDbType.Double, ct);
                    await writer.WriteAsync(deliveryId, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(r.ParameterId, NpgsqlDbType.Smallint, ct);
                    await writer.WriteAsync(r.Status, NpgsqlDbType.Smallint, ct);
                }
            }

            await writer.CompleteAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await load.Transaction.RollbackAsync("copy_new", ct);
            return false;
        }

        await load.Transaction.ReleaseAsync("copy_new", ct);
        return true;
    }

    /// <summary>
    /// Splits the files, in order, into groups whose readings never share a (station, parameter, time):
    /// one INSERT … ON CONFLICT may not touch a row twice, and a later file must replace an earlier one.
    /// </summary>
    private static IEnumerable<List<(long DeliveryId, IReadOnlyCollection<Reading> Readings)>> DisjointGroups(
        IReadOnlyList<(long DeliveryId, IReadOnlyCollection<Reading> Readings)> files)
    {
        var group = new List<(long, IReadOnlyCollection<Reading>)>();
        var keys = new HashSet<(long, short, DateTimeOffset)>();
        foreach (var file in files)
        {
            if (group.Count > 0 && file.Readings.Any(r => keys.Contains((r.StationId, r.ParameterId, r.Time))))
            {
                yield return group;
                group = [];
                keys.Clear();
            }

            group.Add(file);
            keys.UnionWith(file.Readings.Select(r => (r.StationId, r.ParameterId, r.Time)));
        }

        if (group.Count > 0)
        {
            yield return group;
        }
    }

    /// <summary>Each series' first and latest reading (a later file wins at the same time) and each station's last delivery.</summary>
    private static async Task SeriesAsync(LoadContext load, IReadOnlyList<(long DeliveryId, IReadOnlyCollection<Reading> Readings)> files, CancellationToken ct)
    {
        var series = new Dictionary<(long, short), (DateTimeOffset First, Reading Last)>();
        var lastDelivery = new Dictionary<long, long>();
        foreach (var (deliveryId, readings) in files)
        {
            foreach (var r in readings)
            {
                lastDelivery[r.StationId] = deliveryId;
                series[(r.StationId, r.ParameterId)] = series.TryGetValue((r.StationId, r.ParameterId), out var s)
                    ? (r.Time < s.First ? r.Time : s.First, r.Time >= s.Last.Time ? r : s.Last)
                    : (r.Time, r);
            }
        }

        var list = series.Values.ToList();
        await load.ExecuteAsync(
            """
            INSERT INTO monitoring.series AS s (station_id, parameter_id, first_at, last_at, last_value, last_status)
            SELECT * FROM unnest(@stations, @parameters, @firsts, @lasts, @values, @statuses)
            ON CONFLICT (station_id, parameter_id) DO UPDATE SET
                first_at = least(s.first_at, excluded.first_at),
                last_at = greatest(s.last_at, excluded.last_at),
                last_value = CASE WHEN excluded.last_at >= s.last_at THEN excluded.last_value ELSE s.last_value END,
                last_status = CASE WHEN excluded.last_at >= s.last_at THEN excluded.last_status ELSE s.last_status END;

            INSERT INTO monitoring.station_state AS t (station_id, last_received_at, last_delivery_id)
            SELECT u.station_id, now(), u.delivery_id FROM unnest(@stateStations, @stateDeliveries) AS u (station_id, delivery_id)
            ON CONFLICT (station_id) DO UPDATE SET last_received_at = excluded.last_received_at, last_delivery_id = excluded.last_delivery_id;
            """, ct,
            ("stations", list.Select(s => s.Last.StationId).ToArray()), ("parameters", list.Select(s => s.Last.ParameterId).ToArray()),
            ("firsts", list.Select(s => s.First.UtcDateTime).ToArray()), ("lasts", list.Select(s => s.Last.Time.UtcDateTime).ToArray()),
            ("values", list.Select(s => s.Last.Value).ToArray()), ("statuses", list.Select(s => s.Last.Status).ToArray()),
            ("stateStations", lastDelivery.Keys.ToArray()), ("stateDeliveries", lastDelivery.Values.ToArray()));
    }

    /// <summary>The hours each series of the files was written in.</summary>
    public static List<SeriesRange> Ranges(IEnumerable<Reading> readings) =>
        readings.GroupBy(r => (r.StationId, r.ParameterId))
            .Select(g => new SeriesRange(g.Key.StationId, g.Key.ParameterId, Hour(g.Min(r => r.Time)), Hour(g.Max(r => r.Time))))
            .ToList();

    private static DateTime Hour(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>Creates the month partitions the readings need, each in its own short transaction, before the load's.</summary>
    public static IEnumerable<DateTimeOffset> Months(IEnumerable<Reading> readings) =>
        readings.Select(r => r.Time.ToOffset(TimeSpan.FromHours(7)))
            .Select(t => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime())
            .Distinct();
}
