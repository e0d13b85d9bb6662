using EnvGis.Data.Monitoring;
using EnvGis.Data.Tests.Infrastructure;
using static EnvGis.Data.Tests.Monitoring.MonitoringTestData;

namespace EnvGis.Data.Tests.Monitoring;

/// <summary>
/// Exceedances of the versioned limits (docs/monitoring.md "Limits"): QCVN 05:2023's PM2.5 24-hour limit,
/// 50 µg/m³ until 31 Dec 2025 and 45 from 1 Jan 2026; a permit limit of an enterprise station; each recorded once.
/// </summary>
[Collection("cluster")]
public sealed class ExceedanceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PM25_at_48_exceeds_the_24_hour_limit_from_1_January_2026_but_not_on_31_December_2025()
    {
        var (code, id) = await StationAsync(fixture);
        var service = Service(fixture, Local(2026, 1, 2, 12));
        var lines = Hours("PM2.5", 48, "ug/m3", Local(2025, 12, 31), 48).ToList();
        Assert.True((await service.ProcessAsync(File(code, lines), Administrator, default)).IsLoaded);

        Assert.Equal("24h|2026-01-01|48|45|QCVN 05:2023/BTNMT", await fixture.ScalarAsync<string>(
            """
            SELECT string_agg(averaging || '|' || to_char(period_start AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') || '|' || value || '|' || high || '|' || standard, ',')
            FROM monitoring.exceedances WHERE station_id = $1
            """, id));

        // Sent again (a later delivery of the same day): still one exceedance, with the later value.
        var again = Hours("PM2.5", 60, "ug/m3", Local(2026, 1, 1), 24).ToList();
        Assert.True((await service.ProcessAsync(File(code, again), Administrator, default)).IsLoaded);
        Assert.Equal("1|60", await fixture.ScalarAsync<string>(
            "SELECT count(*) || '|' || max(value) FROM monitoring.exceedances WHERE station_id = $1 AND averaging = '24h'", id));

        // Brought back under the limit: the (provisional) exceedance is gone.
        Assert.True((await service.ProcessAsync(File(code, Hours("PM2.5", 40, "ug/m3", Local(2026, 1, 1), 24).ToList()), Administrator, default)).IsLoaded);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.exceedances WHERE station_id = $1", id));
    }

    [Fact]
    public async Task The_hourly_limits_of_QCVN_05_need_the_hours_coverage()
    {
        var (code, id) = await StationAsync(fixture);
        var service = Service(fixture, Local(2026, 1, 2, 12));
        // SO2 1 h limit 350: an hour at 400 with all 12 readings, and one with only 6 (50 %, below 75 %).
        var lines = Hours("SO2", 400, "ug/m3", Local(2026, 1, 2, 8), 1)
            .Concat(Hours("SO2", 400, "ug/m3", Local(2026, 1, 2, 9), 1).Take(6)).ToList();
        Assert.True((await service.ProcessAsync(File(code, lines), Administrator, default)).IsLoaded);
        Assert.Equal("1h 08:00 400>350", await fixture.ScalarAsync<string>(
            "SELECT string_agg(averaging || ' ' || to_char(period_start AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI') || ' ' || value || '>' || high, ',') FROM monitoring.exceedances WHERE station_id = $1",
            id));
    }

    [Fact]
    public async Task A_permit_limit_applies_to_its_station_only()
    {
        var (code, id) = await StationAsync(fixture, "wastewater");
        var (otherCode, otherId) = await StationAsync(fixture, "wastewater");
        await fixture.ScalarAsync<int>(
            """
            INSERT INTO monitoring.permit_limits (station_id, parameter_id, averaging, standard, zone, permit, high, updated_by)
            SELECT $1, id, '1h', 'QCVN 40:2025/BTNMT', 'B', 'GPMT 12/2025', 75, 'test' FROM monitoring.parameters WHERE code = 'COD'
            RETURNING 1
            """, id);
        var service = Service(fixture, Local(2026, 1, 2, 12));
        foreach (var station in new[] { code, otherCode })
        {
            Assert.True((await service.ProcessAsync(File(station, Hours("COD", 80, "mg/L", Local(2026, 1, 2, 10), 1).ToList()), Administrator, default)).IsLoaded);
        }

        Assert.Equal("80|75|QCVN 40:2025/BTNMT B (GPMT 12/2025)", await fixture.ScalarAsync<string>(
            "SELECT value || '|' || high || '|' || standard FROM monitoring.exceedances WHERE station_id = $1", id));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.exceedances WHERE station_id = $1", otherId));
    }

    [Fact]
    public async Task Editing_a_permit_limit_or_a_stations_zone_re_evaluates_the_stored_means_in_the_same_transaction()
    {
        var (code, id) = await StationAsync(fixture, "wastewater");
        var service = Service(fixture, Local(2026, 1, 2, 12));
        Assert.True((await service.ProcessAsync(File(code, Hours("COD", 80, "mg/L", Local(2026, 1, 2, 10), 1).ToList()), Administrator, default)).IsLoaded);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.exceedances WHERE station_id = $1", id));

        // A permit limit added after the data: the stored hour exceeds it at once.
        var limits = new LimitStore(fixture.DataSource, new MonitoringRulesStore(fixture.DataSource));
        var (limitId, error) = await limits.AddPermitLimitAsync(id,
            new PermitLimitRow(0, code, "COD", "1h", "QCVN 40:2025/BTNMT", "B", "GPMT 7/2025", null, 75, null, null, null), "admin", default);
        Assert.Null(error);
        Assert.Equal("1h|80|75", await fixture.ScalarAsync<string>(
            "SELECT averaging || '|' || value || '|' || high FROM monitoring.exceedances WHERE station_id = $1", id));

        // QCVN 08's class-B COD limit (15 mg/L, UNVERIFIED seed, surface water only) does not apply to a wastewater station,
        // whatever its zone: setting the zone re-evaluates and keeps only the permit's exceedance.
        await limits.SetZoneAsync(id, "B", "admin", default);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.exceedances WHERE station_id = $1", id));

        // Removing the permit limit removes its exceedance.
        Assert.True(await limits.DeletePermitLimitAsync(id, limitId!.Value, default));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.exceedances WHERE station_id = $1", id));
    }

    [Fact]
    public async Task Yearly_means_of_valid_days_exceed_the_annual_limit_provisionally_for_the_current_year_and_not_with_too_few_days()
    {
        var (_, id) = await StationAsync(fixture);
        // PM2.5 daily means of 30 µg/m³ (QCVN 05 annual limit 25): every day of last year and of this year to date (Việt Nam days),
        // and only 100 days of the year before (below 75 % of its days); one invalid day (too few hours) at 500 that must not count.
        await fixture.ScalarAsync<int>(
            """
            WITH p AS (SELECT id FROM monitoring.parameters WHERE code = 'PM2.5'),
                 t AS (SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS today),
                 days AS (
                     SELECT d::date AS day, 30.0 AS mean, 24 AS hours
                     FROM t, generate_series(date_trunc('year', t.today) - interval '1 year', t.today, interval '1 day') AS d
                     UNION ALL
                     SELECT d::date, 30.0, 24 FROM t, generate_series(date_trunc('year', t.today) - interval '2 years',
                                                                      date_trunc('year', t.today) - interval '2 years' + interval '99 days', interval '1 day') AS d
                 ), daily AS (
                     INSERT INTO monitoring.daily (station_id, parameter_id, day, mean, min, max, hours_valid, readings, coverage)
                     SELECT $1, p.id, days.day,
                            CASE WHEN days.day = date_trunc('year', t.today)::date - 200 THEN 500 ELSE days.mean END, 0, 0,
                            CASE WHEN days.day = date_trunc('year', t.today)::date - 200 THEN 3 ELSE days.hours END, 288, 1
                     FROM days, p, t
                 )
            INSERT INTO monitoring.series (station_id, parameter_id, first_at, last_at, last_value, last_status)
            SELECT $1, p.id, (date_trunc('year', t.today) - interval '2 years')::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh',
                   t.today::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', 30, 0
            FROM p, t
            RETURNING 1
            """, id);

        // Any limit edit for the station re-evaluates its stored means (here: its zone).
        await new LimitStore(fixture.DataSource, new MonitoringRulesStore(fixture.DataSource)).SetZoneAsync(id, null, "admin", default);

        var year = await fixture.ScalarAsync<int>("SELECT extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer");
        Assert.Equal($"{year - 1}|30|25|false;{year}|30|25|true", await fixture.ScalarAsync<string>(
            """
            SELECT string_agg(extract(year FROM period_start AT TIME ZONE 'Asia/Ho_Chi_Minh') || '|' || round(value::numeric, 1)::float8 || '|' || high
                              || '|' || provisional, ';' ORDER BY period_start)
            FROM monitoring.exceedances WHERE station_id = $1 AND averaging = 'year'
            """, id));
    }
}
