namespace EnvGis.Data.Monitoring;

/// <summary>
/// Recomputes the aggregates of what a load touched (docs/monitoring.md "Aggregates"): the hourly means of
/// the touched hours from the observations, the 8-hour means of the windows containing them, and the daily
/// means of their days (and of the days those windows end in), each with its coverage.
/// </summary>
public static class AggregateUpdater
{
    public static async Task UpdateAsync(LoadContext load, CancellationToken ct)
    {
        await load.ExecuteAsync(
            """
            INSERT INTO monitoring.hourly AS h (station_id, parameter_id, hour, mean, min, max, valid, calibrating, fault, coverage)
            SELECT t.station_id, t.parameter_id, t.hour,
                   avg(o.value) FILTER (WHERE o.status = 0), min(o.value) FILTER (WHERE o.status = 0), max(o.value) FILTER (WHERE o.status = 0),
                   count(*) FILTER (WHERE o.status = 0), count(*) FILTER (WHERE o.status = 1), count(*) FILTER (WHERE o.status = 2),
                   least(1, count(*) FILTER (WHERE o.status = 0) * s.interval_minutes / 60.0)
            FROM touched_hours AS t
            JOIN monitoring.series AS s ON s.station_id = t.station_id AND s.parameter_id = t.parameter_id
            JOIN monitoring.observations AS o
              ON o.station_id = t.station_id AND o.parameter_id = t.parameter_id
             AND o.observed_at >= t.hour AND o.observed_at < t.hour + interval '1 hour'
            GROUP BY t.station_id, t.parameter_id, t.hour, s.interval_minutes
            ON CONFLICT (station_id, parameter_id, hour) DO UPDATE SET
                mean = excluded.mean, min = excluded.min, max = excluded.max, valid = excluded.valid,
                calibrating = excluded.calibrating, fault = excluded.fault, coverage = excluded.coverage;

            CREATE TEMP TABLE touched_windows ON COMMIT DROP AS
            SELECT DISTINCT t.station_id, t.parameter_id, t.hour + k * interval '1 hour' AS hour
            FROM touched_hours AS t CROSS JOIN generate_series(0, 7) AS k;

            INSERT INTO monitoring.eight_hour AS e (station_id, parameter_id, hour, mean, hours_valid, coverage)
            SELECT w.station_id, w.parameter_id, w.hour,
                   avg(h.mean) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage),
                   count(*) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage),
                   count(*) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage) / 8.0
            FROM touched_windows AS w
            JOIN monitoring.hourly AS h
              ON h.station_id = w.station_id AND h.parameter_id = w.parameter_id
             AND h.hour > w.hour - interval '8 hours' AND h.hour <= w.hour
            GROUP BY w.station_id, w.parameter_id, w.hour
            ON CONFLICT (station_id, parameter_id, hour) DO UPDATE SET
                mean = excluded.mean, hours_valid = excluded.hours_valid, coverage = excluded.coverage;

            CREATE TEMP TABLE touched_days ON COMMIT DROP AS
            SELECT DISTINCT station_id, parameter_id, (hour AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day FROM touched_windows;

            INSERT INTO monitoring.daily AS d (station_id, parameter_id, day, mean, min, max, max_8h, hours_valid, readings, coverage)
            SELECT t.station_id, t.parameter_id, t.day,
                   avg(h.mean) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage),
                   min(h.mean) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage),
                   max(h.mean) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage),
                   (SELECT max(e.mean) FROM monitoring.eight_hour AS e
                    WHERE e.station_id = t.station_id AND e.parameter_id = t.parameter_id AND e.hours_valid >= @eightHours
                      AND e.hour >= t.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                      AND e.hour < (t.day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'),
                   count(*) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage),
                   sum(h.valid + h.calibrating + h.fault),
                   count(*) FILTER (WHERE h.mean IS NOT NULL AND h.coverage >= @hourCoverage) / 24.0
            FROM touched_days AS t
            JOIN monitoring.hourly AS h
              ON h.station_id = t.station_id AND h.parameter_id = t.parameter_id
             AND h.hour >= t.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
             AND h.hour < (t.day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
            GROUP BY t.station_id, t.parameter_id, t.day
            ON CONFLICT (station_id, parameter_id, day) DO UPDATE SET
                mean = excluded.mean, min = excluded.min, max = excluded.max, max_8h = excluded.max_8h,
                hours_valid = excluded.hours_valid, readings = excluded.readings, coverage = excluded.coverage;
            """, ct, load.RuleParameters);
    }
}
