using EnvGis.Core.Records;
using EnvGis.Data.Records;
using EnvGis.Data.Tests.Infrastructure;
using NetTopologySuite.Geometries;

namespace EnvGis.Data.Tests.Records;

[Collection("cluster")]
public sealed class RecordWriterTests(ClusterFixture fixture)
{
    private const string Layer = "environmental_incidents";
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private Core.Catalogue.LayerDefinition Incidents => fixture.Catalogue.Find(Layer)!;

    private static Dictionary<string, object?> Values(string name) => new()
    {
        ["name"] = name, ["incident_type"] = "oil_spill", ["occurred_on"] = new DateOnly(2025, 4, 1),
    };

    [Fact]
    public async Task A_transaction_whose_third_operation_fails_leaves_nothing_of_the_first_two()
    {
        await RecordTestData.EnsureAsync(fixture);
        var store = new RecordStore(fixture.DataSource);
        var existing = await InsertAsync(RecordTestData.CommuneEditor(Layer), "existing");
        var tag = Guid.NewGuid().ToString("N");
        var history = await fixture.ScalarAsync<long>("SELECT count(*) FROM envgis.record_history");
        var version = await fixture.ScalarAsync<long>("SELECT data_version FROM catalogue.layers WHERE name = $1", Layer);

        await using (var writer = await store.BeginAsync(RecordTestData.CommuneEditor(Layer), RecordChannel.WfsT, default))
        {
            await writer.InsertAsync(Incidents, Values("first " + tag), Wgs84.CreatePoint(new Coordinate(106.65, 20.85)), null, default);
            await writer.UpdateAsync(Incidents, existing, null, new Dictionary<string, object?> { ["name"] = "second " + tag }, null, null, default);
            var third = await Assert.ThrowsAsync<RecordException>(() =>
                writer.InsertAsync(Incidents, Values("third " + tag), Wgs84.CreatePoint(new Coordinate(107.5, 20.5)), null, default));
            Assert.Equal(RecordErrorKind.Forbidden, third.Kind);
            Assert.Contains("outside the scope", third.Message);
            await Assert.ThrowsAsync<InvalidOperationException>(() => writer.CommitAsync(default));
        }

        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer} WHERE name LIKE '%' || $1", tag));
        Assert.Equal("existing", await fixture.ScalarAsync<string>($"SELECT name FROM data.{Layer} WHERE id = $1", existing));
        Assert.Equal(history, await fixture.ScalarAsync<long>("SELECT count(*) FROM envgis.record_history"));
        Assert.Equal(version, await fixture.ScalarAsync<long>("SELECT data_version FROM catalogue.layers WHERE name = $1", Layer));
    }

    [Fact]
    public async Task Each_write_leaves_exactly_one_history_entry_with_user_unit_channel_and_both_states()
    {
        await RecordTestData.EnsureAsync(fixture);
        var store = new RecordStore(fixture.DataSource);
        var actor = RecordTestData.CityEditor(Layer);
        long id;
        await using (var writer = await store.BeginAsync(actor, RecordChannel.Api, default))
        {
            id = (await writer.InsertAsync(Incidents, Values("history"), Wgs84.CreatePoint(new Coordinate(106.9, 20.7)), "new", default)).Id;
            await writer.UpdateAsync(Incidents, id, 1, new Dictionary<string, object?> { ["severity"] = "high" }, null, null, default);
            await writer.ChangeStatusAsync(Incidents, id, 2, RecordAction.Approve, "ok", default);
            await writer.CommitAsync(default);
        }

        var entries = await new RecordStore(fixture.DataSource).HistoryAsync(Incidents, id, default);
        Assert.Equal(["insert", "update", "approve"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("tst-city", RecordTestData.CityUnit, "api"), (e.UserName, e.UnitCode!, e.Channel)));
        Assert.Equal([1, 2, 3], entries.Select(e => e.Version));
        Assert.Equal("submitted", entries[0].ToStatus); // the unit's setting
        Assert.Equal(("submitted", "approved"), (entries[2].FromStatus, entries[2].ToStatus));
        Assert.Contains("\"severity\": null", entries[1].BeforeAttributes);
        Assert.Contains("\"severity\": \"high\"", entries[1].AfterAttributes);
        Assert.Contains("106.9", entries[1].AfterGeometry);
        Assert.Equal("ok", entries[2].Comment);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        await RecordTestData.EnsureAsync(fixture);
        var actor = RecordTestData.CommuneEditor(Layer);
        var id = await InsertAsync(actor, "stale");
        await using var writer = await new RecordStore(fixture.DataSource).BeginAsync(actor, RecordChannel.Api, default);
        await writer.UpdateAsync(Incidents, id, 1, new Dictionary<string, object?> { ["name"] = "v2" }, null, null, default);
        var conflict = await Assert.ThrowsAsync<RecordException>(() =>
            writer.UpdateAsync(Incidents, id, 1, new Dictionary<string, object?> { ["name"] = "v3" }, null, null, default));
        Assert.Equal(RecordErrorKind.Conflict, conflict.Kind);
    }

    [Fact]
    public async Task Geometries_in_VN_2000_TM_3_are_stored_in_EPSG_4326_as_the_layers_type()
    {
        await RecordTestData.EnsureAsync(fixture);
        var actor = RecordTestData.CommuneEditor("polluted_zones");
        // A square in EPSG:9210 (VN-2000 / TM-3 105-45) inside the test commune.
        var xy = await fixture.ScalarAsync<double[]>(
            "SELECT ARRAY[ST_X(p), ST_Y(p)] FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(106.65, 20.85), 4326), 9210) AS p) AS x");
        var square = new GeometryFactory(new PrecisionModel(), 9210).CreatePolygon(
        [
            new Coordinate(xy[0], xy[1]), new Coordinate(xy[0] + 500, xy[1]), new Coordinate(xy[0] + 500, xy[1] + 500),
            new Coordinate(xy[0], xy[1] + 500), new Coordinate(xy[0], xy[1]),
        ]);
        long id;
        await using (var writer = await new RecordStore(fixture.DataSource).BeginAsync(actor, RecordChannel.WfsT, default))
        {
            id = (await writer.InsertAsync(fixture.Catalogue.Find("polluted_zones")!, new Dictionary<string, object?>
            {
                ["name"] = "VN-2000", ["pollution_type"] = "soil", ["severity"] = "low",
            }, square, null, default)).Id;
            await writer.CommitAsync(default);
        }

        Assert.Equal("ST_MultiPolygon 4326", await fixture.ScalarAsync<string>(
            "SELECT ST_GeometryType(geom) || ' ' || ST_SRID(geom) FROM data.polluted_zones WHERE id = $1", id));
        var area = await fixture.ScalarAsync<double>("SELECT ST_Area(geom::geography) FROM data.polluted_zones WHERE id = $1", id);
        Assert.InRange(area, 249_000, 251_000);
        Assert.Equal(RecordTestData.Commune, await fixture.ScalarAsync<string>("SELECT commune_code FROM data.polluted_zones WHERE id = $1", id));
    }

    [Fact]
    public async Task Invalid_or_misfit_geometries_are_refused_with_the_reason()
    {
        await RecordTestData.EnsureAsync(fixture);
        var actor = RecordTestData.CityEditor("polluted_zones", Layer);
        await using var writer = await new RecordStore(fixture.DataSource).BeginAsync(actor, RecordChannel.Api, default);
        var bowtie = Wgs84.CreatePolygon([new(106.6, 20.8), new(106.7, 20.9), new(106.7, 20.8), new(106.6, 20.9), new(106.6, 20.8)]);
        var invalid = await Assert.ThrowsAsync<RecordException>(() => writer.InsertAsync(fixture.Catalogue.Find("polluted_zones")!,
            new Dictionary<string, object?> { ["name"] = "x", ["pollution_type"] = "air", ["severity"] = "low" }, bowtie, null, default));
        Assert.Contains("Self-intersection", invalid.Message);

        await using var second = await new RecordStore(fixture.DataSource).BeginAsync(actor, RecordChannel.Api, default);
        var misfit = await Assert.ThrowsAsync<RecordException>(() =>
            second.InsertAsync(Incidents, Values("line"), Wgs84.CreateLineString([new(106.6, 20.8), new(106.7, 20.9)]), null, default));
        Assert.Contains("Point", misfit.Message);
    }

    private async Task<long> InsertAsync(Core.Security.WriteScope actor, string name)
    {
        await using var writer = await new RecordStore(fixture.DataSource).BeginAsync(actor, RecordChannel.Api, default);
        var id = (await writer.InsertAsync(Incidents, Values(name), Wgs84.CreatePoint(new Coordinate(106.61, 20.81)), null, default)).Id;
        await writer.CommitAsync(default);
        return id;
    }
}
