namespace EnvGis.Data.Monitoring;

/// <summary>
/// Recomputes the aggregates of what a load wrote (docs/monitoring.md "Aggregates"), one statement per
/// aggregate over all the load's series ranges: the hourly means of the range's hours from the
/// observations, the 8-hour means of the windows ending in the range or up to 7 hours after it, and the
/// daily means of their days, each with its coverage. Each series is read by its own index range scan
/// (the lateral subqueries are kept apart with OFFSET 0 so the planner cannot turn them into a scan of a
/// whole table).
/// </summary>
public static class AggregateUpdater
{
    public static async Task UpdateAsync(LoadContext load, CancellationToken ct)
    {
        await load.ExecuteAsync(
            $"""
            INSERT INTO monitoring.hourly AS h (station_id, parameter_id, hour, mean, min, max, valid, calibrating, fault, coverage)
            SELECT r.station_id, r.parameter_id, a.hour, a.mean, a.min, a.max, a.valid, a.calibrating, a.fault,
                   least(1, a.valid * s.interval_minutes / 60.0)
            FROM {LoadContext.RangesSql}
            JOIN monitoring.series AS s ON s.station_id = r.station_id AND s.parameter_id = r.parameter_id
            CROSS JOIN LATERAL (
                SELECT date_trunc('hour', o.observed_at, 'Asia/Ho_Chi_Minh') AS hour,
                       avg(o.value) FILTER (WHERE o.status = 0) AS mean, min(o.value) FILTER (WHERE o.status = 0) AS min,
                       max(o.value) FILTER (WHERE o.status = 0) AS max, count(*) FILTER (WHERE o.status = 0) AS valid,
                       count(*) FILTER (WHERE o.status = 1) AS calibrating, count(*) FILTER (WHERE o.status = 2) AS fault
                FROM monitoring.observations AS o
                WHERE o.station_id = r.station_id AND o.parameter_id = r.parameter_id
                  AND o.observed_at >= r.first_hour AND o.observed_at < r.last_hour + interval '1 hour'
                GROUP BY 1
                OFFSET 0) AS a
            ON CONFLICT (station_id, parameter_id, hour) DO UPDATE SET
                mean = excluded.mean, min = excluded.min, max = excluded.max, valid = excluded.valid,
                calibrating = excluded.calibrating, fault = excluded.fault, coverage = excluded.coverage;

            INSERT INTO monitoring.eight_hour AS e (station_id, parameter_id, hour, mean, hours_valid, coverage)
            SELECT r.station_id, r.parameter_id, w.hour, w.mean, w.hours_valid, w.hours_valid / 8.0
            FROM {LoadContext.RangesSql}
            CROSS JOIN LATERAL (
                SELECT g.hour,
                       avg(h.mean) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage) OVER eight AS mean,
                       count(*) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage) OVER eight AS hours_valid,
                       count(h.hour) OVER eight AS hours_present
                FROM generate_series(r.first_hour - interval '7 hours', r.last_hour + interval '7 hours', interval '1 hour') AS g (hour)
                LEFT JOIN monitoring.hourly AS h
                  ON h.station_id = r.station_id AND h.parameter_id = r.parameter_id AND h.hour = g.hour
                 AND h.hour BETWEEN r.first_hour - interval '7 hours' AND r.last_hour + interval '7 hours'
                WINDOW eight AS (ORDER BY g.hour ROWS BETWEEN 7 PRECEDING AND CURRENT ROW)
                OFFSET 0) AS w
            WHERE w.hour >= r.first_hour AND w.hours_present > 0
            ON CONFLICT (station_id, parameter_id, hour) DO UPDATE SET
                mean = excluded.mean, hours_valid = excluded.hours_valid, coverage = excluded.coverage;

            INSERT INTO monitoring.daily AS d (station_id, parameter_id, day, mean, min, max, max_8h, hours_valid, readings, coverage)
            SELECT r.station_id, r.parameter_id, a.day, a.mean, a.min, a.max,
                   (SELECT max(e.mean) FROM monitoring.eight_hour AS e
                    WHERE e.station_id = r.station_id AND e.parameter_id = r.parameter_id AND e.hours_valid >= @eightHours
                      AND e.hour >= a.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                      AND e.hour < (a.day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'),
                   a.hours_valid, a.readings, a.hours_valid / 24.0
            FROM {LoadContext.RangesSql}
            CROSS JOIN LATERAL (
                SELECT (h.hour AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day,
                       avg(h.mean) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage) AS mean,
                       min(h.mean) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage) AS min,
                       max(h.mean) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage) AS max,
                       count(*) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage) AS hours_valid,
                       sum(h.valid + h.calibrating + h.fault) AS readings
                FROM monitoring.hourly AS h
                WHERE h.station_id = r.station_id AND h.parameter_id = r.parameter_id
                  AND h.hour >= r.first_day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                  AND h.hour < (r.last_day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                GROUP BY 1
                OFFSET 0) AS a
            ON CONFLICT (station_id, parameter_id, day) DO UPDATE SET
                mean = excluded.mean, min = excluded.min, max = excluded.max, max_8h = excluded.max_8h,
                hours_valid = excluded.hours_valid, readings = excluded.readings, coverage = excluded.coverage;
            """, ct, [.. load.RangeParameters, .. load.RuleParameters]);
    }
}
