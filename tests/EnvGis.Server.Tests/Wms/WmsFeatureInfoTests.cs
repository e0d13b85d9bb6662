using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wms;

/// <summary>GetFeatureInfo in every format, both versions, FEATURE_COUNT, tolerance, TIME and visibility.</summary>
[Collection("server")]
public sealed class WmsFeatureInfoTests(ServerFixture server)
{
    private static readonly XNamespace Envgis = "https://envgis.haiphong.gov.vn/wfs";
    private static readonly XNamespace Gml = "http://www.opengis.net/gml";

    // A 101 × 101 map centred on a point: pixel (50, 50) is the point.
    private static string Query130(double lon, double lat, string layers, string format, string extra = "") =>
        $"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS={layers}&QUERY_LAYERS={layers}&STYLES=&CRS=EPSG:4326" +
        $"&BBOX={Box([lat - 0.005, lon - 0.005, lat + 0.005, lon + 0.005])}&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT={Uri.EscapeDataString(format)}{extra}";

    private static string Query111(double lon, double lat, string layers, string format, string extra = "") =>
        $"SERVICE=WMS&VERSION=1.1.1&REQUEST=GetFeatureInfo&LAYERS={layers}&QUERY_LAYERS={layers}&STYLES=&SRS=EPSG:4326" +
        $"&BBOX={Box([lon - 0.005, lat - 0.005, lon + 0.005, lat + 0.005])}&WIDTH=101&HEIGHT=101&X=50&Y=50&INFO_FORMAT={Uri.EscapeDataString(format)}{extra}";

    private Task<long> ParkIdAsync() => server.ScalarAsync<long>(
        "SELECT id FROM data.protected_areas WHERE kind = 'national_park' AND ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))",
        ParkLon, ParkLat);

    [Fact]
    public async Task The_park_is_found_at_its_point_in_every_format_and_both_versions()
    {
        var id = $"protected_areas.{await ParkIdAsync()}";
        const string name = "Vườn quốc gia Cát Bà";
        foreach (var query in new Func<double, double, string, string, string, string>[] { Query130, Query111 })
        {
            var extra = "&FEATURE_COUNT=10";
            var text = await server.WmsOkAsync(query(ParkLon, ParkLat, "protected_areas", "text/plain", extra), "text/plain");
            Assert.Contains($"Feature {id}:", text.Text);
            Assert.Contains($"name = {name}", text.Text);

            var html = await server.WmsOkAsync(query(ParkLon, ParkLat, "protected_areas", "text/html", extra), "text/html");
            Assert.Contains($"data-id=\"{id}\"", html.Text);
            Assert.Contains($"<td>{name}</td>", html.Text);

            var json = await server.WmsOkAsync(query(ParkLon, ParkLat, "protected_areas", "application/json", extra), "application/json");
            using var doc = JsonDocument.Parse(json.Body);
            var park = doc.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);
            Assert.Equal(name, park.GetProperty("properties").GetProperty("name").GetString());
            Assert.Equal(16300, park.GetProperty("properties").GetProperty("area_ha").GetDouble());
            Assert.Equal("MultiPolygon", park.GetProperty("geometry").GetProperty("type").GetString());

            var gml = await server.WmsOkAsync(query(ParkLon, ParkLat, "protected_areas", "application/vnd.ogc.gml", extra), "application/vnd.ogc.gml");
            var member = XDocument.Parse(gml.Text).Descendants(Envgis + "protected_areas").Single(f => f.Attribute("fid")?.Value == id);
            Assert.Equal(name, member.Element(Envgis + "name")?.Value);
            Assert.NotNull(member.Element(Envgis + "geom")?.Descendants(Gml + "MultiPolygon").FirstOrDefault());
        }
    }

    [Fact]
    public async Task Gml_coordinates_follow_the_axis_order_of_the_version()
    {
        var v130 = XDocument.Parse((await server.WmsOkAsync(Query130(ParkLon, ParkLat, "protected_areas", "application/vnd.ogc.gml"))).Text);
        var v111 = XDocument.Parse((await server.WmsOkAsync(Query111(ParkLon, ParkLat, "protected_areas", "application/vnd.ogc.gml"))).Text);
        var first130 = v130.Descendants(Gml + "coordinates").First().Value.Split(' ')[0].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var first111 = v111.Descendants(Gml + "coordinates").First().Value.Split(' ')[0].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(first111[0], first130[1], 6);
        Assert.Equal(first111[1], first130[0], 6);
        Assert.InRange(first111[0], 106, 108);
        Assert.Equal("urn:ogc:def:crs:EPSG::4326", v130.Descendants(Gml + "MultiPolygon").First().Attribute("srsName")?.Value);
        Assert.Equal("EPSG:4326", v111.Descendants(Gml + "MultiPolygon").First().Attribute("srsName")?.Value);
    }

    [Fact]
    public async Task Feature_count_limits_the_features_nearest_first()
    {
        var one = await server.WmsOkAsync(Query130(ParkLon, ParkLat, "protected_areas", "application/json"));
        using var oneDoc = JsonDocument.Parse(one.Body);
        Assert.Equal(1, oneDoc.RootElement.GetProperty("features").GetArrayLength());

        var all = await server.WmsOkAsync(Query130(ParkLon, ParkLat, "protected_areas", "application/json", "&FEATURE_COUNT=50"));
        using var allDoc = JsonDocument.Parse(all.Body);
        var covering = await server.ScalarAsync<long>(
            "SELECT count(*) FROM data.protected_areas WHERE status = 'published' AND NOT restricted AND ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))",
            ParkLon, ParkLat);
        Assert.True(covering >= 2, "the park point lies in the park and a biosphere zone");
        Assert.Equal(covering, allDoc.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task A_point_symbol_is_found_within_the_tolerance_and_not_beyond()
    {
        var station = await server.ListAsync<double[]>(
            "SELECT ARRAY[id, ST_X(geom), ST_Y(geom)] FROM data.monitoring_stations WHERE status = 'published' AND NOT restricted ORDER BY id LIMIT 1");
        var (id, lon, lat) = ((long)station[0][0], station[0][1], station[0][2]);
        // 3 pixels east of the station (a pixel is 0.0001°): within the mark; 40 pixels away: not found.
        var near = await server.WmsOkAsync(Query111(lon + 0.0003, lat, "monitoring_stations", "text/plain"));
        Assert.Contains($"monitoring_stations.{id}:", near.Text);
        var far = await server.WmsOkAsync(Query111(lon + 0.004, lat, "monitoring_stations", "text/plain"));
        Assert.DoesNotContain($"monitoring_stations.{id}:", far.Text);
        var wide = await server.WmsOkAsync(Query111(lon + 0.004, lat, "monitoring_stations", "text/plain", "&BUFFER=45"));
        Assert.Contains($"monitoring_stations.{id}:", wide.Text);
    }

    [Fact]
    public async Task Unpublished_and_restricted_records_are_never_returned()
    {
        var layers = await server.ListAsync<string>("SELECT name FROM catalogue.layers WHERE NOT restricted ORDER BY name");
        var checkedCount = 0;
        foreach (var layer in layers)
        {
            var hidden = await server.ListAsync<double[]>(
                $"SELECT ARRAY[id, ST_X(p), ST_Y(p)] FROM (SELECT id, ST_PointOnSurface(geom) AS p FROM data.\"{layer}\" WHERE status <> 'published' OR restricted) AS h");
            foreach (var h in hidden)
            {
                foreach (var format in new[] { "text/plain", "application/json", "text/html", "application/vnd.ogc.gml" })
                {
                    var response = await server.WmsOkAsync(Query130(h[1], h[2], layer, format, "&FEATURE_COUNT=50"));
                    Assert.False(Regex.IsMatch(response.Text, $@"\b{layer}\.{(long)h[0]}(?!\d)"),
                        $"{layer}.{(long)h[0]} ({format}) was returned: {response.Text[..Math.Min(response.Text.Length, 800)]}");
                }

                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 5, $"the sample data should hold hidden records to check, found {checkedCount}");
    }

    [Fact]
    public async Task Html_escapes_what_comes_from_the_data()
    {
        var id = await ParkIdAsync();
        var original = await server.ScalarAsync<string>("SELECT managing_body FROM data.protected_areas WHERE id = $1", id);
        try
        {
            await server.ExecuteSqlAsync("UPDATE data.protected_areas SET managing_body = $1 WHERE id = $2", "<script>alert('x')</script> & co", id);
            var html = await server.WmsOkAsync(Query130(ParkLon, ParkLat, "protected_areas", "text/html", "&FEATURE_COUNT=10"));
            Assert.DoesNotContain("<script>", html.Text);
            Assert.Contains("&lt;script&gt;", html.Text);
            Assert.Contains("&amp; co", html.Text);
        }
        finally
        {
            await server.ExecuteSqlAsync("UPDATE data.protected_areas SET managing_body = $1 WHERE id = $2", original, id);
        }
    }

    [Fact]
    public async Task Time_selects_records_by_their_validity_period()
    {
        // Communes are valid from 2025-07-01 (the merger); any commune's interior point.
        var commune = await server.ListAsync<double[]>(
            "SELECT ARRAY[id, ST_X(p), ST_Y(p)] FROM (SELECT id, ST_PointOnSurface(geom) AS p FROM data.communes WHERE status = 'published' AND valid_from = '2025-07-01' ORDER BY id LIMIT 1) AS c");
        var (id, lon, lat) = ((long)commune[0][0], commune[0][1], commune[0][2]);
        var marker = $"communes.{id}:";
        async Task<bool> Found(string time) =>
            (await server.WmsOkAsync(Query130(lon, lat, "communes", "text/plain", "&TIME=" + Uri.EscapeDataString(time)))).Text.Contains(marker);

        Assert.False(await Found("2025-06-30"));
        Assert.True(await Found("2025-07-01"));
        Assert.True(await Found("2026-01-15T10:00:00Z"));
        Assert.False(await Found("2025-06-30T23:00:00+07:00"));
        Assert.True(await Found("2025-06-30T18:00:00Z")); // 01:00 on 1 July in Việt Nam
        Assert.False(await Found("2020-01-01/2025-06-30"));
        Assert.True(await Found("2020-01-01/2025-07-01"));
        Assert.True(await Found("2024-01-01,2025-08-01"));
        Assert.False(await Found("2024-01-01,2024-05"));
        Assert.True(await Found("2025"));
        Assert.True(await Found("current"));
        Assert.Contains(marker, (await server.WmsOkAsync(Query130(lon, lat, "communes", "text/plain"))).Text);
    }
}
