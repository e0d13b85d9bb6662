using EnvGis.Core.Monitoring;
using EnvGis.Data.Monitoring;
using EnvGis.Data.Tests.Infrastructure;
using static EnvGis.Data.Tests.Monitoring.MonitoringTestData;

namespace EnvGis.Data.Tests.Monitoring;

/// <summary>The delivery pipeline against a real PostGIS: storage, idempotence, all-or-nothing, aggregates, VN_AQI, live station values.</summary>
[Collection("cluster")]
public sealed class DeliveryServiceTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Now = Local(2026, 1, 2, 12);

    [Fact]
    public async Task A_file_is_stored_in_canonical_units_with_hourly_coverage_and_the_station_shows_its_live_values_without_a_history_entry()
    {
        var (code, id) = await StationAsync(fixture);
        var history = await fixture.ScalarAsync<long>("SELECT count(*) FROM envgis.record_history WHERE layer = 'monitoring_stations' AND record_id = $1", id);
        var start = Local(2026, 1, 2, 8);
        // PM2.5 for 3 full hours at 30 µg/m³, CO in mg/m³ (2.5 → 2500 µg/m³) for 9 of 12 readings of the last hour, one calibrating.
        var lines = Hours("PM-2-5", 30, "µg/m³", start, 3)
            .Concat(Enumerable.Range(0, 9).Select(i => Line("CO", 2.5, "mg/m3", start.AddHours(2).AddMinutes(5 * i))))
            .Append(Line("CO", 99, "mg/m3", start.AddHours(2).AddMinutes(50), "01"))
            .ToList();
        var result = await Service(fixture, Now).ProcessAsync(File(code, lines), Administrator, default);

        Assert.True(result.IsLoaded, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(46, result.Stored);
        Assert.Equal(2500.0, await fixture.ScalarAsync<double>(
            "SELECT max(value) FROM monitoring.observations o JOIN monitoring.parameters p ON p.id = o.parameter_id WHERE station_id = $1 AND p.code = 'CO' AND status = 0", id));
        Assert.Equal("0.75/9/1", await fixture.ScalarAsync<string>(
            """
            SELECT h.coverage || '/' || h.valid || '/' || h.calibrating FROM monitoring.hourly h JOIN monitoring.parameters p ON p.id = h.parameter_id
            WHERE h.station_id = $1 AND p.code = 'CO' AND h.hour = $2
            """, id, start.AddHours(2).ToUniversalTime()));

        // NowCast of three hours at 30 → 60 (moderate), the hour 10:00–11:00.
        Assert.Equal("60|moderate|PM2.5", await fixture.ScalarAsync<string>(
            "SELECT aqi || '|' || aqi_band || '|' || aqi_dominant FROM data.monitoring_stations WHERE id = $1", id));
        Assert.Equal(start.AddHours(2).UtcDateTime, await fixture.ScalarAsync<DateTime>("SELECT aqi_at FROM data.monitoring_stations WHERE id = $1", id));
        Assert.Contains("PM2.5 30.0 µg/m³", await fixture.ScalarAsync<string>("SELECT latest_values FROM data.monitoring_stations WHERE id = $1", id));
        Assert.False(await fixture.ScalarAsync<bool>("SELECT silent FROM data.monitoring_stations WHERE id = $1", id));

        // Measurements are not edits: no history entry, the same version.
        Assert.Equal(history, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.record_history WHERE layer = 'monitoring_stations' AND record_id = $1", id));
        Assert.Equal(1, await fixture.ScalarAsync<int>("SELECT version FROM data.monitoring_stations WHERE id = $1", id));
    }

    [Fact]
    public async Task The_same_reading_sent_twice_is_one_observation_the_later_wins_and_the_replacement_is_recorded()
    {
        var (code, id) = await StationAsync(fixture);
        var at = Local(2026, 1, 2, 9, 5);
        var service = Service(fixture, Now);
        Assert.True((await service.ProcessAsync(File(code, [Line("SO2", 40, "ug/m3", at)]), Administrator, default)).IsLoaded);
        var second = await service.ProcessAsync(File(code, [Line("SO2", 42, "ug/m3", at), Line("SO2", 43, "ug/m3", at)]), Administrator, default);

        Assert.True(second.IsLoaded);
        Assert.Equal(1, second.Replaced);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.observations WHERE station_id = $1", id));
        Assert.Equal(43.0, await fixture.ScalarAsync<double>("SELECT value FROM monitoring.observations WHERE station_id = $1", id));
        Assert.Equal("40→43", await fixture.ScalarAsync<string>(
            "SELECT old_value || '→' || new_value FROM monitoring.replacements WHERE station_id = $1", id));
        Assert.Equal(43.0, await fixture.ScalarAsync<double>("SELECT mean FROM monitoring.hourly WHERE station_id = $1", id));
    }

    [Fact]
    public async Task New_readings_between_stored_ones_are_added_and_a_file_sent_again_changes_nothing_but_its_changed_values()
    {
        // The first file's readings are new (stored by COPY); the second's lie between stored ones of the same
        // series (so the upsert stores them); the third repeats both with one value changed: one replacement.
        var (code, id) = await StationAsync(fixture);
        var service = Service(fixture, Now);
        var at = Local(2026, 1, 2, 9);
        var first = await service.ProcessAsync(File(code, [Line("NO2", 10, "ug/m3", at), Line("NO2", 30, "ug/m3", at.AddMinutes(10))]), Administrator, default);
        Assert.True(first.IsLoaded);
        Assert.Equal(0, first.Replaced);

        var between = await service.ProcessAsync(File(code, [Line("NO2", 20, "ug/m3", at.AddMinutes(5)), Line("NO2", 40, "ug/m3", at.AddMinutes(15))]),
            Administrator, default);
        Assert.True(between.IsLoaded);
        Assert.Equal(0, between.Replaced);
        Assert.Equal(4L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.observations WHERE station_id = $1", id));
        Assert.Equal(25.0, await fixture.ScalarAsync<double>("SELECT mean FROM monitoring.hourly WHERE station_id = $1", id));

        var again = await service.ProcessAsync(File(code,
        [
            Line("NO2", 10, "ug/m3", at), Line("NO2", 20, "ug/m3", at.AddMinutes(5)), Line("NO2", 30, "ug/m3", at.AddMinutes(10)),
            Line("NO2", 60, "ug/m3", at.AddMinutes(15)),
        ]), Administrator, default);
        Assert.True(again.IsLoaded);
        Assert.Equal(1, again.Replaced);
        Assert.Equal(4L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.observations WHERE station_id = $1", id));
        Assert.Equal("40→60", await fixture.ScalarAsync<string>("SELECT old_value || '→' || new_value FROM monitoring.replacements WHERE station_id = $1", id));
        Assert.Equal(30.0, await fixture.ScalarAsync<double>("SELECT mean FROM monitoring.hourly WHERE station_id = $1", id));
        Assert.Equal(4, await fixture.ScalarAsync<int>("SELECT valid::int FROM monitoring.hourly WHERE station_id = $1", id));
    }

    [Fact]
    public async Task Several_files_load_in_one_call_in_order_a_later_file_replaces_an_earlier_one_and_a_bad_file_is_rejected_alone()
    {
        var (a, aId) = await StationAsync(fixture);
        var (b, bId) = await StationAsync(fixture);
        var nine = Local(2026, 1, 2, 9);
        var results = await Service(fixture, Now).ProcessAsync(
        [
            File(a, Hours("PM2.5", 20, "ug/m3", nine, 1).ToList()),
            File(b, [Line("PM2.5", 10, "ug/m3", nine), Line("Radon", 1, "Bq", nine)]),
            File(a, Hours("PM2.5", 30, "ug/m3", nine, 1).ToList(), nine.AddMinutes(1)),
            File(b, Hours("SO2", 40, "ug/m3", nine.AddHours(-24), 2).ToList()),
        ], Administrator, default);

        Assert.Equal(["loaded", "rejected", "loaded", "loaded"], results.Select(r => r.Status));
        Assert.Equal([0, 0, 12, 0], results.Select(r => r.Replaced));
        Assert.Equal(DeliveryProblemCodes.UnknownParameter, Assert.Single(results[1].Problems).Code);
        // The later file won every reading of the hour; each replacement names both deliveries.
        Assert.Equal("12|30|30", await fixture.ScalarAsync<string>(
            "SELECT count(*) || '|' || min(value) || '|' || max(value) FROM monitoring.observations WHERE station_id = $1", aId));
        Assert.Equal($"12|20→30|{results[0].DeliveryId}→{results[2].DeliveryId}", await fixture.ScalarAsync<string>(
            """
            SELECT count(*) || '|' || min(old_value) || '→' || max(new_value) || '|' || min(old_delivery_id) || '→' || max(new_delivery_id)
            FROM monitoring.replacements WHERE station_id = $1
            """, aId));
        Assert.Equal(12, await fixture.ScalarAsync<int>("SELECT replaced FROM monitoring.deliveries WHERE id = $1", results[2].DeliveryId!.Value));
        Assert.Equal(30.0, await fixture.ScalarAsync<double>("SELECT mean FROM monitoring.hourly WHERE station_id = $1", aId));
        // One valid hour: the 8-hour windows ending in it and the 7 hours after it, each with one valid hour of eight.
        Assert.Equal("8|1|30", await fixture.ScalarAsync<string>(
            "SELECT count(*) || '|' || max(hours_valid) || '|' || max(mean) FROM monitoring.eight_hour WHERE station_id = $1", aId));
        Assert.Equal("1|0.042", await fixture.ScalarAsync<string>(
            "SELECT count(*) || '|' || round(max(coverage)::numeric, 3) FROM monitoring.daily WHERE station_id = $1", aId));
        // The rejected file stored nothing; the other file of the same station did.
        Assert.Equal("24|40", await fixture.ScalarAsync<string>(
            "SELECT count(*) || '|' || max(value) FROM monitoring.observations WHERE station_id = $1", bId));
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.hourly WHERE station_id = $1", bId));
        Assert.Contains("PM2.5 30.0 µg/m³", await fixture.ScalarAsync<string>("SELECT latest_values FROM data.monitoring_stations WHERE id = $1", aId));
    }

    [Fact]
    public async Task A_file_with_one_bad_line_is_rejected_whole_and_nothing_of_it_is_stored()
    {
        var (code, id) = await StationAsync(fixture);
        var at = Local(2026, 1, 2, 9);
        var result = await Service(fixture, Now).ProcessAsync(File(code,
        [
            Line("PM2.5", 20, "ug/m3", at), Line("PM10", 40, "ug/m3", at), Line("Radon", 1, "Bq", at),
            Line("PM2.5", 20, "ug/m3", Now.AddMinutes(11)), Line("PM2.5", 20, "furlongs", at.AddMinutes(5)),
            Line("PM2.5", 20, "ug/m3", Now.AddDays(-61)),
        ]), Administrator, default);

        Assert.Equal(DeliveryResult.Rejected, result.Status);
        Assert.Equal(2, result.AcceptedLines);
        Assert.Equal(
            [(3, DeliveryProblemCodes.UnknownParameter), (4, DeliveryProblemCodes.FutureTime), (5, DeliveryProblemCodes.UnknownUnit), (6, DeliveryProblemCodes.TooOld)],
            result.Problems.Select(p => (p.Line, p.Code)));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.observations WHERE station_id = $1", id));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM monitoring.series WHERE station_id = $1", id));
        Assert.Equal("rejected", await fixture.ScalarAsync<string>("SELECT status FROM monitoring.deliveries WHERE id = $1", result.DeliveryId!.Value));
    }

    [Fact]
    public async Task An_account_delivers_only_for_its_own_units_stations()
    {
        var (code, _) = await StationAsync(fixture);
        var other = new DeliveryActor("someone", "another-unit", false, true, DeliveryActor.Http);
        var result = await Service(fixture, Now).ProcessAsync(File(code, [Line("SO2", 40, "ug/m3", Local(2026, 1, 2, 9))]), other, default);
        Assert.Equal(DeliveryProblemCodes.OtherUnitStation, Assert.Single(result.Problems).Code);

        var own = new DeliveryActor("someone", Records.RecordTestData.CityUnit, false, true, DeliveryActor.Http);
        Assert.True((await Service(fixture, Now).ProcessAsync(File(code, [Line("SO2", 40, "ug/m3", Local(2026, 1, 2, 9))]), own, default)).IsLoaded);
    }

    [Fact]
    public async Task Month_partitions_are_created_once_when_many_loads_ask_at_the_same_time()
    {
        var month = new DateTimeOffset(2031, 7, 15, 0, 0, 0, TimeSpan.Zero);
        var names = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var command = fixture.DataSource.CreateCommand("SELECT monitoring.ensure_partition($1)");
            command.Parameters.AddWithValue(month);
            return (string)(await command.ExecuteScalarAsync())!;
        }));
        Assert.All(names, n => Assert.Equal("observations_203107", n));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname = 'observations_203107'"));
    }
}
