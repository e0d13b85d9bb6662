using NpgsqlTypes;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Stores a delivery's readings: binary COPY into a staging table, then one statement that records the
/// values it replaces and upserts into the partitioned observations (the later delivery wins), then each series' latest reading
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
            // Synchronous writes: they only fill Npgsql's buffer (flushed as it fills); an await per field costs more than the copy.
            foreach (var r in readings)
            {
                copy.StartRow();
                copy.Write(r.StationId, NpgsqlDbType.Bigint);
                copy.Write(r.ParameterId, NpgsqlDbType.Smallint);
                copy.Write(r.Time, NpgsqlDbType.TimestampTz);
                copy.Write(r.Value, NpgsqlDbType.Double);
                copy.Write(r.Status, NpgsqlDbType.Smallint);
            }

            await copy.CompleteAsync(ct);
        }

        var from = readings.Min(r => r.Time);
        var to = readings.Max(r => r.Time);
        // One statement: the CTE reads the values being replaced before the upsert changes them (one snapshot).
        // The planner sizes the unanalysed staging table from its pages, so it probes the observations' index.
        var replaced = await load.ExecuteAsync(
            """
            WITH old AS (
                SELECT s.station_id, s.parameter_id, s.observed_at, o.value AS old_value, o.status AS old_status, o.delivery_id AS old_delivery,
                       s.value, s.status
                FROM staging AS s
                JOIN monitoring.observations AS o
                  ON o.station_id = s.station_id AND o.parameter_id = s.parameter_id AND o.observed_at = s.observed_at
                WHERE o.observed_at BETWEEN @from AND @to AND (o.value, o.status) IS DISTINCT FROM (s.value, s.status)
            ), upsert AS (
                INSERT INTO monitoring.observations AS o (station_id, observed_at, value, delivery_id, parameter_id, status)
                SELECT station_id, observed_at, value, @delivery, parameter_id, status FROM staging
                ON CONFLICT (station_id, parameter_id, observed_at)
                DO UPDATE SET value = excluded.value, status = excluded.status, delivery_id = excluded.delivery_id
            )
            INSERT INTO monitoring.replacements (station_id, parameter_id, observed_at, old_value, old_status, old_delivery_id,
                                                 new_value, new_status, new_delivery_id)
            SELECT station_id, parameter_id, observed_at, old_value, old_status, old_delivery, value, status, @delivery FROM old
            """, ct, ("delivery", load.DeliveryId), ("from", from), ("to", to));
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
            """, ct, ("delivery", load.DeliveryId));
        return replaced;
    }

    /// <summary>Creates the month partitions the readings need, each in its own short transaction, before the load's.</summary>
    public static IEnumerable<DateTimeOffset> Months(IEnumerable<Reading> readings) =>
        readings.Select(r => r.Time.ToOffset(TimeSpan.FromHours(7)))
            .Select(t => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime())
            .Distinct();
}
