using NpgsqlTypes;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Stores a delivery's readings: binary COPY into a staging table, the values it replaces recorded, one
/// upsert into the partitioned observations (the later delivery wins), then each series' latest reading
/// and the stations' last delivery. Leaves <c>touched_hours</c> for the aggregates.
/// </summary>
public static class ObservationWriter
{
    public static async Task<int> WriteAsync(LoadContext load, IReadOnlyCollection<Reading> readings, CancellationToken ct)
    {
        await load.ExecuteAsync(
            """
            CREATE TEMP TABLE staging (station_id bigint, parameter_id smallint, observed_at timestamptz, value double precision,
                                       status smallint) ON COMMIT DROP
            """, ct);
        await using (var copy = await load.Connection.BeginBinaryImportAsync(
            "COPY staging (station_id, parameter_id, observed_at, value, status) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in readings)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.StationId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(r.ParameterId, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(r.Time, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(r.Value, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(r.Status, NpgsqlDbType.Smallint, ct);
            }

            await copy.CompleteAsync(ct);
        }

        var from = readings.Min(r => r.Time);
        var to = readings.Max(r => r.Time);
        // The planner must know how small the staging table is, so it probes the observations' index.
        await load.ExecuteAsync("ANALYZE staging", ct);
        var replaced = await load.ExecuteAsync(
            """
            INSERT INTO monitoring.replacements (station_id, parameter_id, observed_at, old_value, old_status, old_delivery_id,
                                                 new_value, new_status, new_delivery_id)
            SELECT s.station_id, s.parameter_id, s.observed_at, o.value, o.status, o.delivery_id, s.value, s.status, @delivery
            FROM staging AS s
            JOIN monitoring.observations AS o
              ON o.station_id = s.station_id AND o.parameter_id = s.parameter_id AND o.observed_at = s.observed_at
            WHERE o.observed_at BETWEEN @from AND @to AND (o.value, o.status) IS DISTINCT FROM (s.value, s.status)
            """, ct, ("delivery", load.DeliveryId), ("from", from), ("to", to));
        await load.ExecuteAsync(
            """
            INSERT INTO monitoring.observations AS o (station_id, observed_at, value, delivery_id, parameter_id, status)
            SELECT station_id, observed_at, value, @delivery, parameter_id, status FROM staging
            ON CONFLICT (station_id, parameter_id, observed_at)
            DO UPDATE SET value = excluded.value, status = excluded.status, delivery_id = excluded.delivery_id
            """, ct, ("delivery", load.DeliveryId));
        await load.ExecuteAsync(
            """
            INSERT INTO monitoring.series AS s (station_id, parameter_id, first_at, last_at, last_value, last_status)
            SELECT g.station_id, g.parameter_id, g.first_at, l.observed_at, l.value, l.status
            FROM (SELECT station_id, parameter_id, min(observed_at) AS first_at, max(observed_at) AS last_at
                  FROM staging GROUP BY station_id, parameter_id) AS g
            JOIN staging AS l ON l.station_id = g.station_id AND l.parameter_id = g.parameter_id AND l.observed_at = g.last_at
            ON CONFLICT (station_id, parameter_id) DO UPDATE SET
                first_at = least(s.first_at, excluded.first_at),
                last_at = greatest(s.last_at, excluded.last_at),
                last_value = CASE WHEN excluded.last_at >= s.last_at THEN excluded.last_value ELSE s.last_value END,
                last_status = CASE WHEN excluded.last_at >= s.last_at THEN excluded.last_status ELSE s.last_status END;

            INSERT INTO monitoring.station_state AS t (station_id, last_received_at, last_delivery_id)
            SELECT DISTINCT station_id, now(), @delivery FROM staging
            ON CONFLICT (station_id) DO UPDATE SET last_received_at = excluded.last_received_at, last_delivery_id = excluded.last_delivery_id;

            CREATE TEMP TABLE touched_hours ON COMMIT DROP AS
            SELECT DISTINCT station_id, parameter_id, date_trunc('hour', observed_at, 'Asia/Ho_Chi_Minh') AS hour FROM staging;
            ANALYZE touched_hours;
            """, ct, ("delivery", load.DeliveryId));
        return replaced;
    }

    /// <summary>Creates the month partitions the readings need, each in its own short transaction, before the load's.</summary>
    public static IEnumerable<DateTimeOffset> Months(IEnumerable<Reading> readings) =>
        readings.Select(r => r.Time.ToOffset(TimeSpan.FromHours(7)))
            .Select(t => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime())
            .Distinct();
}
