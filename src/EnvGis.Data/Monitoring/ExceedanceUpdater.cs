namespace EnvGis.Data.Monitoring;

/// <summary>
/// Compares the aggregates a load touched with the limits that apply to each station (docs/monitoring.md
/// "Limits and exceedances"): the general limits of its station type (and zone, when the limit has one)
/// valid on the period's day, and its permit limits. Each exceedance is one row per (station, parameter,
/// averaging, period, limit): kept up to date when later data change the mean, removed when the mean no
/// longer exceeds (the data are provisional).
/// </summary>
public static class ExceedanceUpdater
{
    public static Task UpdateAsync(LoadContext load, CancellationToken ct) => load.ExecuteAsync(
        """
        WITH st AS (
            SELECT r.id AS station_id, r.station_type, ss.limit_zone
            FROM data.monitoring_stations AS r LEFT JOIN monitoring.station_settings AS ss ON ss.station_id = r.id
            WHERE r.id = ANY(@stations)
        ), lim AS (
            SELECT st.station_id, l.parameter_id, l.averaging, l.low, l.high, l.standard, 'limit:' || l.id AS limit_key, l.valid_from, l.valid_to
            FROM st JOIN monitoring.limits AS l ON st.station_type = ANY (l.station_types) AND (l.zone IS NULL OR l.zone = st.limit_zone)
            UNION ALL
            SELECT p.station_id, p.parameter_id, p.averaging, p.low, p.high,
                   p.standard || coalesce(' ' || p.zone, '') || ' (' || p.permit || ')', 'permit:' || p.id, p.valid_from, p.valid_to
            FROM monitoring.permit_limits AS p WHERE p.station_id = ANY(@stations)
        ), cand AS (
            SELECT h.station_id, h.parameter_id, '1h'::text AS averaging, h.hour AS period_start, h.hour + interval '1 hour' AS period_end,
                   h.mean AS value, (h.mean IS NOT NULL AND h.coverage >= @hourCoverage) AS valid
            FROM touched_hours AS t
            JOIN monitoring.hourly AS h ON h.station_id = t.station_id AND h.parameter_id = t.parameter_id AND h.hour = t.hour
            UNION ALL
            SELECT e.station_id, e.parameter_id, '8h', e.hour - interval '7 hours', e.hour + interval '1 hour',
                   e.mean, (e.mean IS NOT NULL AND e.hours_valid >= @eightHours)
            FROM touched_windows AS w
            JOIN monitoring.eight_hour AS e ON e.station_id = w.station_id AND e.parameter_id = w.parameter_id AND e.hour = w.hour
            UNION ALL
            SELECT d.station_id, d.parameter_id, '24h', d.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh',
                   (d.day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', d.mean, (d.mean IS NOT NULL AND d.hours_valid >= @dayHours)
            FROM touched_days AS t
            JOIN monitoring.daily AS d ON d.station_id = t.station_id AND d.parameter_id = t.parameter_id AND d.day = t.day
        ), found AS (
            SELECT c.station_id, c.parameter_id, c.averaging, c.period_start, c.period_end, c.value, l.low, l.high, l.standard, l.limit_key
            FROM cand AS c
            JOIN lim AS l ON l.station_id = c.station_id AND l.parameter_id = c.parameter_id AND l.averaging = c.averaging
            WHERE c.valid
              AND (l.valid_from IS NULL OR (c.period_start AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= l.valid_from)
              AND (l.valid_to IS NULL OR (c.period_start AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < l.valid_to)
              AND (c.value > l.high OR c.value < l.low)
        ), saved AS (
            INSERT INTO monitoring.exceedances AS x (station_id, parameter_id, averaging, period_start, period_end, value, low, high, standard, limit_key)
            SELECT station_id, parameter_id, averaging, period_start, period_end, value, low, high, standard, limit_key FROM found
            ON CONFLICT (station_id, parameter_id, averaging, period_start, limit_key) DO UPDATE SET
                value = excluded.value, period_end = excluded.period_end, low = excluded.low, high = excluded.high,
                standard = excluded.standard, updated_at = now()
            WHERE (x.value, x.low, x.high) IS DISTINCT FROM (excluded.value, excluded.low, excluded.high)
        )
        DELETE FROM monitoring.exceedances AS x
        USING cand AS c
        WHERE x.station_id = c.station_id AND x.parameter_id = c.parameter_id AND x.averaging = c.averaging AND x.period_start = c.period_start
          AND NOT EXISTS (SELECT 1 FROM found AS f
                          WHERE f.station_id = x.station_id AND f.parameter_id = x.parameter_id AND f.averaging = x.averaging
                            AND f.period_start = x.period_start AND f.limit_key = x.limit_key)
        """, ct, [("stations", load.StationIds), .. load.RuleParameters]);
}
