using System.Net;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Tiles;

[Collection("server")]
public sealed class TileJsonTests(ServerFixture server)
{
    [Fact]
    public async Task TileJSON_describes_the_tiles_fields_and_bounds_of_the_public_records()
    {
        var response = await server.Client.GetAsync("/tiles/industrial_parks.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("3.0.0", root.GetProperty("tilejson").GetString());
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(
                new Uri(server.BaseUrl, "/tiles/industrial_parks/{z}/{x}/{y}.mvt").ToString().Replace("%7B", "{").Replace("%7D", "}"))
            + @"\?v=p[0-9]+$", root.GetProperty("tiles")[0].GetString());
        var bounds = root.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        var expected = await server.ScalarAsync<double[]>(
            "SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] FROM (SELECT ST_Extent(geom) AS e FROM data.industrial_parks WHERE status = 'published' AND NOT restricted) x");
        Assert.Equal(expected, bounds, (a, b) => Math.Abs(a - b) < 1e-9);
        var layer = root.GetProperty("vector_layers")[0];
        Assert.Equal("industrial_parks", layer.GetProperty("id").GetString());
        Assert.Equal("String", layer.GetProperty("fields").GetProperty("name").GetString());
        Assert.Equal("Number", layer.GetProperty("fields").GetProperty("area_ha").GetString());
        Assert.Equal("Boolean", layer.GetProperty("fields").GetProperty("central_wastewater_plant").GetString());
    }

    [Fact]
    public async Task Layers_derived_from_OpenStreetMap_carry_its_attribution()
    {
        foreach (var layer in new[] { "land", "coastline", "communes", "river_basins" })
        {
            using var json = JsonDocument.Parse(await server.Client.GetStringAsync($"/tiles/{layer}.json"));
            Assert.Equal("© OpenStreetMap contributors", json.RootElement.GetProperty("attribution").GetString());
        }
    }

    [Fact]
    public async Task The_tile_URL_follows_a_forwarding_proxy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/rivers.json");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "gis.haiphong.gov.vn");
        using var json = JsonDocument.Parse(await (await server.Client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.StartsWith("https://gis.haiphong.gov.vn/tiles/rivers/", json.RootElement.GetProperty("tiles")[0].GetString());
    }
}
