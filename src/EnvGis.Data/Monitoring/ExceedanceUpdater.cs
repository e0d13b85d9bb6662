using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Compares stored aggregates with the limits that apply to each station (docs/monitoring.md "Limits and
/// exceedances"): the general limits of its station type (and zone, when the limit has one) valid on the
/// period's first day, and its permit limits; hourly, 8-hour and daily means, and yearly means of the
/// valid daily means (provisional until the year is complete). Each exceedance is one row per (station,
/// parameter, averaging, period, limit): kept up to date when the mean or the limit changes, removed when
/// the mean no longer exceeds. One statement, over a set of series ranges: those a load wrote, or every
/// stored series of the parameters (and station) whose limits the administrator edited.
/// </summary>
public static class ExceedanceUpdater
{
    /// <summary>A yearly mean counts when valid daily means cover this share of the year's days so far.</summary>
    public const double YearMinCoverage = 0.75;

    /// <summary>After a load: the periods of the load's series ranges.</summary>
    public static Task UpdateAsync(LoadContext load, CancellationToken ct) =>
        load.ExecuteAsync(Sql(LoadContext.RangesSql), ct, [.. load.RangeParameters, .. load.RuleParameters, ("yearCoverage", YearMinCoverage)]);

    /// <summary>
    /// After a limit edit, in its transaction: every stored period of the parameters' series (of one station, or of all).
    /// </summary>
    public static async Task ReevaluateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MonitoringRules rules,
        short[] parameters, long? station, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql(
            """
            (SELECT s.station_id, s.parameter_id,
                    date_trunc('hour', s.first_at, 'Asia/Ho_Chi_Minh') AS first_hour, date_trunc('hour', s.last_at, 'Asia/Ho_Chi_Minh') AS last_hour,
                    (s.first_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS first_day,
                    ((s.last_at + interval '7 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS last_day
             FROM monitoring.series AS s
             WHERE s.parameter_id = ANY(@parameters) AND (@station::bigint IS NULL OR s.station_id = @station)) AS r
            """), connection, transaction);
        command.Parameters.AddWithValue("parameters", parameters);
        command.Parameters.AddWithValue("station", (object?)station ?? DBNull.Value);
        command.Parameters.AddWithValue("hourCoverage", (float)rules.HourMinCoverage);
        command.Parameters.AddWithValue("eightHours", (short)rules.EightHourMinHours);
        command.Parameters.AddWithValue("dayHours", (short)rules.DayMinHours);
        command.Parameters.AddWithValue("yearCoverage", YearMinCoverage);
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <param name="ranges">A relation <c>r (station_id, parameter_id, first_hour, last_hour, first_day, last_day)</c>.</param>
    private static string Sql(string ranges) =>
        $"""
        WITH r AS (
            SELECT * FROM {ranges}
        ), st AS (
            SELECT s.id AS station_id, s.station_type, ss.limit_zone
            FROM data.monitoring_stations AS s LEFT JOIN monitoring.station_settings AS ss ON ss.station_id = s.id
            WHERE s.id IN (SELECT station_id FROM r)
        ), lim AS (
            SELECT st.station_id, l.parameter_id, l.averaging, l.low, l.high, l.standard, 'limit:' || l.id AS limit_key, l.valid_from, l.valid_to
            FROM st JOIN monitoring.limits AS l ON st.station_type = ANY (l.station_types) AND (l.zone IS NULL OR l.zone = st.limit_zone)
            UNION ALL
            SELECT p.station_id, p.parameter_id, p.averaging, p.low, p.high,
                   p.standard || coalesce(' ' || p.zone, '') || ' (' || p.permit || ')', 'permit:' || p.id, p.valid_from, p.valid_to
            FROM monitoring.permit_limits AS p WHERE p.station_id IN (SELECT station_id FROM r)
        ), cand AS (
            SELECT h.station_id, h.parameter_id, '1h'::text AS averaging, h.hour AS period_start, h.hour + interval '1 hour' AS period_end,
                   h.mean AS value, (h.mean IS NOT NULL AND h.coverage >= @hourCoverage) AS valid, false AS provisional
            FROM r
            JOIN monitoring.hourly AS h
              ON h.station_id = r.station_id AND h.parameter_id = r.parameter_id AND h.hour BETWEEN r.first_hour AND r.last_hour
            UNION ALL
            SELECT e.station_id, e.parameter_id, '8h', e.hour - interval '7 hours', e.hour + interval '1 hour',
                   e.mean, (e.mean IS NOT NULL AND e.hours_valid >= @eightHours), false
            FROM r
            JOIN monitoring.eight_hour AS e
              ON e.station_id = r.station_id AND e.parameter_id = r.parameter_id
             AND e.hour BETWEEN r.first_hour AND r.last_hour + interval '7 hours'
            UNION ALL
            SELECT d.station_id, d.parameter_id, '24h', d.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh',
                   (d.day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', d.mean, (d.mean IS NOT NULL AND d.hours_valid >= @dayHours), false
            FROM r
            JOIN monitoring.daily AS d ON d.station_id = r.station_id AND d.parameter_id = r.parameter_id AND d.day BETWEEN r.first_day AND r.last_day
            UNION ALL
            -- Yearly means of the valid daily means: the current year to date (provisional) and closed years.
            SELECT r.station_id, r.parameter_id, 'year', y.first_day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh',
                   y.next_year::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', y.mean,
                   (y.mean IS NOT NULL AND y.valid_days >= @yearCoverage * (least(y.next_year, y.today + 1) - y.first_day)),
                   y.next_year > y.today
            FROM r
            CROSS JOIN LATERAL (
                SELECT make_date(yr, 1, 1) AS first_day, make_date(yr + 1, 1, 1) AS next_year,
                       (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS today,
                       avg(d.mean) FILTER (WHERE d.mean IS NOT NULL AND d.hours_valid >= @dayHours) AS mean,
                       count(*) FILTER (WHERE d.mean IS NOT NULL AND d.hours_valid >= @dayHours) AS valid_days
                FROM generate_series(extract(year FROM r.first_day)::integer, extract(year FROM r.last_day)::integer) AS yr
                JOIN monitoring.daily AS d
                  ON d.station_id = r.station_id AND d.parameter_id = r.parameter_id
                 AND d.day >= make_date(yr, 1, 1) AND d.day < make_date(yr + 1, 1, 1)
                GROUP BY yr
                OFFSET 0) AS y
            WHERE EXISTS (SELECT 1 FROM lim WHERE lim.station_id = r.station_id AND lim.parameter_id = r.parameter_id AND lim.averaging = 'year')
        ), found AS (
            SELECT c.station_id, c.parameter_id, c.averaging, c.period_start, c.period_end, c.value, c.provisional,
                   l.low, l.high, l.standard, l.limit_key
            FROM cand AS c
            JOIN lim AS l ON l.station_id = c.station_id AND l.parameter_id = c.parameter_id AND l.averaging = c.averaging
            WHERE c.valid
              AND (l.valid_from IS NULL OR (c.period_start AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= l.valid_from)
              AND (l.valid_to IS NULL OR (c.period_start AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < l.valid_to)
              AND (c.value > l.high OR c.value < l.low)
        ), saved AS (
            INSERT INTO monitoring.exceedances AS x (station_id, parameter_id, averaging, period_start, period_end, value, low, high, standard, limit_key,
                                                    provisional)
            SELECT station_id, parameter_id, averaging, period_start, period_end, value, low, high, standard, limit_key, provisional FROM found
            ON CONFLICT (station_id, parameter_id, averaging, period_start, limit_key) DO UPDATE SET
                value = excluded.value, period_end = excluded.period_end, low = excluded.low, high = excluded.high,
                standard = excluded.standard, provisional = excluded.provisional, updated_at = now()
            WHERE (x.value, x.low, x.high, x.standard, x.provisional)
                  IS DISTINCT FROM (excluded.value, excluded.low, excluded.high, excluded.standard, excluded.provisional)
        )
        DELETE FROM monitoring.exceedances AS x
        USING r
        WHERE x.station_id = r.station_id AND x.parameter_id = r.parameter_id
          AND x.period_start >= least(r.first_hour - interval '7 hours', date_trunc('year', r.first_day)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
          AND x.period_start < (r.last_day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
          AND EXISTS (SELECT 1 FROM cand AS c
                      WHERE c.station_id = x.station_id AND c.parameter_id = x.parameter_id AND c.averaging = x.averaging
                        AND c.period_start = x.period_start)
          AND NOT EXISTS (SELECT 1 FROM found AS f
                          WHERE f.station_id = x.station_id AND f.parameter_id = x.parameter_id AND f.averaging = x.averaging
                            AND f.period_start = x.period_start AND f.limit_key = x.limit_key)
        """;
}
