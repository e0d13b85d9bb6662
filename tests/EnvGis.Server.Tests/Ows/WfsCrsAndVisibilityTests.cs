using System.Globalization;
using System.Net;
using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.Ows;

[Collection("server")]
public sealed class WfsCrsAndVisibilityTests(ServerFixture server)
{
    /// <summary>Inserts a monitoring station for one test and deletes it afterwards.</summary>
    private async Task<T> WithStationAsync<T>(string status, bool restricted, double lon, double lat, Func<long, Task<T>> test)
    {
        var id = await server.ScalarAsync<long>($"""
            INSERT INTO data.monitoring_stations (code, name, station_type, automatic, owner_unit, status, restricted, created_by, updated_by, geom)
            VALUES ('WFS-TEST', 'WFS test station', 'air', true, (SELECT code FROM envgis.units ORDER BY code LIMIT 1), '{status}', {restricted},
                    'wfs-test', 'wfs-test', ST_SetSRID(ST_MakePoint({lon.ToString(CultureInfo.InvariantCulture)}, {lat.ToString(CultureInfo.InvariantCulture)}), 4326))
            RETURNING id
            """);
        try
        {
            return await test(id);
        }
        finally
        {
            await server.ExecuteAsync($"DELETE FROM data.monitoring_stations WHERE id = {id}");
        }
    }

    [Fact]
    public Task Vn2000_tm3_output_matches_the_test_vector_to_a_centimetre() =>
        WithStationAsync("published", false, 106.70, 20.85, async id =>
        {
            using var json = await server.GeoJsonAsync($"resourceId=monitoring_stations.{id}&srsName=EPSG:9210");
            var coordinates = json.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
            Assert.Equal(598_667.63, coordinates[0].GetDouble(), 0.01);
            Assert.Equal(2_306_639.68, coordinates[1].GetDouble(), 0.01);
            Assert.Equal("urn:ogc:def:crs:EPSG::9210", json.RootElement.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());

            var gml = XElement.Parse(await server.GetOkAsync($"service=WFS&version=2.0.0&request=GetFeature&resourceId=monitoring_stations.{id}&srsName=urn:ogc:def:crs:EPSG::9210"));
            var pos = gml.Descendants(Gml32 + "pos").Single();
            Assert.Equal("urn:ogc:def:crs:EPSG::9210", pos.Parent!.Attribute("srsName")!.Value);
            var en = pos.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(598_667.63, en[0], 0.01);
            Assert.Equal(2_306_639.68, en[1], 0.01);
            return 0;
        });

    [Theory]
    [InlineData("urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG::4326", "20.85 106.7")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326", "urn:ogc:def:crs:EPSG::4326", "20.85 106.7")]
    [InlineData("EPSG:4326", "EPSG:4326", "106.7 20.85")]
    [InlineData(null, "urn:ogc:def:crs:EPSG::4326", "20.85 106.7")]
    public Task Gml_axis_order_matches_the_srs_name_written(string? asked, string written, string position) =>
        WithStationAsync("published", false, 106.70, 20.85, async id =>
        {
            var srs = asked is null ? "" : "&srsName=" + Uri.EscapeDataString(asked);
            var gml = XElement.Parse(await server.GetOkAsync($"service=WFS&version=2.0.0&request=GetFeature&resourceId=monitoring_stations.{id}{srs}"));
            var pos = gml.Descendants(Gml32 + "pos").Single();
            Assert.Equal(written, pos.Parent!.Attribute("srsName")!.Value);
            Assert.Equal(position, pos.Value);
            return 0;
        });

    [Theory]
    [InlineData("EPSG:3857")]
    [InlineData("EPSG:4756")]
    [InlineData("EPSG:3405")]
    [InlineData("EPSG:9209")]
    public async Task Every_advertised_crs_matches_postgis(string crs)
    {
        var srid = int.Parse(crs[5..], CultureInfo.InvariantCulture);
        using var json = await server.GeoJsonAsync($"typeNames=envgis:monitoring_stations&count=1&srsName={crs}");
        var feature = json.RootElement.GetProperty("features")[0];
        var id = feature.GetProperty("id").GetString()!.Split('.')[1];
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        var x = await server.ScalarAsync<double>($"SELECT ST_X(ST_Transform(geom, {srid})) FROM data.monitoring_stations WHERE id = {id}");
        var y = await server.ScalarAsync<double>($"SELECT ST_Y(ST_Transform(geom, {srid})) FROM data.monitoring_stations WHERE id = {id}");
        Assert.Equal(x, coordinates[0].GetDouble(), 1e-3);
        Assert.Equal(y, coordinates[1].GetDouble(), 1e-3);
    }

    [Theory]
    [InlineData("draft", false)]
    [InlineData("submitted", false)]
    [InlineData("archived", false)]
    [InlineData("published", true)]
    public Task Unpublished_and_restricted_records_never_appear_anonymously(string status, bool restricted) =>
        WithStationAsync(status, restricted, 106.70, 20.85, async id =>
        {
            using var byId = await server.GeoJsonAsync($"resourceId=monitoring_stations.{id}");
            Assert.Equal(0, byId.RootElement.GetProperty("numberMatched").GetInt64());
            await server.AssertExceptionAsync(
                $"service=WFS&version=2.0.0&request=GetFeature&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=monitoring_stations.{id}",
                HttpStatusCode.NotFound, "NotFound");
            using var all = await server.GeoJsonAsync("typeNames=envgis:monitoring_stations&count=100000&filter="
                + Uri.EscapeDataString("<Filter><PropertyIsEqualTo><ValueReference>code</ValueReference><Literal>WFS-TEST</Literal></PropertyIsEqualTo></Filter>"));
            Assert.Equal(0, all.RootElement.GetProperty("numberMatched").GetInt64());
            var value = await server.GetOkAsync("service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=envgis:monitoring_stations&valueReference=code&count=100000");
            Assert.DoesNotContain("WFS-TEST", value, StringComparison.Ordinal);
            using var everything = await server.GeoJsonAsync("typeNames=envgis:monitoring_stations&count=100000");
            Assert.Equal(await server.PublicCountAsync("monitoring_stations"), everything.RootElement.GetProperty("features").GetArrayLength());
            Assert.True(await server.ScalarAsync<long>("SELECT count(*) FROM data.monitoring_stations") > await server.PublicCountAsync("monitoring_stations"));
            return 0;
        });

    [Fact]
    public async Task Restricted_layers_are_not_served_at_all()
    {
        Assert.True(await server.ScalarAsync<bool>("SELECT restricted FROM catalogue.layers WHERE name = 'species_occurrences'"));
        await server.AssertExceptionAsync("service=WFS&version=2.0.0&request=DescribeFeatureType&typeName=envgis:species_occurrences", HttpStatusCode.BadRequest, "InvalidParameterValue", "typeName");
        var all = await server.GetOkAsync("service=WFS&version=2.0.0&request=DescribeFeatureType");
        Assert.DoesNotContain("species_occurrences", all, StringComparison.Ordinal);
        await server.AssertExceptionAsync("service=WFS&version=2.0.0&request=GetFeature&resourceId=species_occurrences.1", HttpStatusCode.BadRequest, "InvalidParameterValue", "typeNames");
    }
}
