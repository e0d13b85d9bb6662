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
}
