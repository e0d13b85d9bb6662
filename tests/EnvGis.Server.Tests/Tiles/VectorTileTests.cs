using System.Net;
using System.Net.Http.Headers;
using EnvGis.Server.Tests.Infrastructure;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace EnvGis.Server.Tests.Tiles;

[Collection("server")]
public sealed class VectorTileTests(ServerFixture server)
{
    // Inside Cát Bà National Park.
    private const double ParkLon = 107.05;
    private const double ParkLat = 20.80;

    [Fact]
    public async Task A_tile_over_Cat_Ba_holds_the_national_park_with_its_attributes_and_id()
    {
        var (x, y) = TileMath.TileOf(ParkLon, ParkLat, 10);
        var response = await server.Client.GetAsync($"/tiles/protected_areas/10/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);

        var features = await DecodeAsync(response, 10, x, y, "protected_areas");
        var parkId = await server.ScalarAsync<long>(
            "SELECT id FROM data.protected_areas WHERE kind = 'national_park' AND ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))",
            ParkLon, ParkLat);
        var park = Assert.Single(features, f => Convert.ToInt64(f.Attributes["id"]) == parkId);
        Assert.Equal("Vườn quốc gia Cát Bà", park.Attributes["name"]);
        Assert.Equal("national_park", park.Attributes["kind"]);
        Assert.Equal("published", park.Attributes["status"]);
        Assert.True(park.Geometry.Area > 0);

        // The label point is the same in every tile and lies inside the park.
        var inside = await server.ScalarAsync<bool>(
            "SELECT ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) FROM data.protected_areas WHERE id = $3",
            Convert.ToDouble(park.Attributes["label_lon"]), Convert.ToDouble(park.Attributes["label_lat"]), parkId);
        Assert.True(inside);
    }

    [Fact]
    public async Task Tiles_hold_only_published_unrestricted_records()
    {
        // Every layer's hidden records (unpublished or restricted), each looked up in the tile that holds it.
        var layers = await server.ListAsync<string>("SELECT name FROM catalogue.layers WHERE NOT restricted ORDER BY name");
        var hiddenChecked = 0;
        foreach (var layer in layers)
        {
            var hidden = await server.ListAsync<double[]>(
                $"SELECT ARRAY[id, ST_X(p), ST_Y(p)] FROM (SELECT id, ST_PointOnSurface(geom) AS p FROM data.\"{layer}\" " +
                "WHERE status <> 'published' OR restricted) AS h");
            foreach (var h in hidden)
            {
                // Zoom 15: every record on its own there (lower zooms merge small polygons and thin points, docs/tiles.md).
                var (x, y) = TileMath.TileOf(h[1], h[2], 15);
                var response = await server.Client.GetAsync($"/tiles/{layer}/15/{x}/{y}.mvt");
                var ids = (await DecodeAsync(response, 15, x, y, layer)).Select(f => Convert.ToInt64(f.Attributes["id"])).ToList();
                Assert.DoesNotContain((long)h[0], ids);
                var publicIds = await server.ListAsync<long>(
                    $"SELECT id FROM data.\"{layer}\" WHERE status = 'published' AND NOT restricted");
                Assert.All(ids, id => Assert.Contains(id, publicIds));
                hiddenChecked++;
            }
        }

        Assert.True(hiddenChecked >= 5, $"the sample data should hold hidden records to check, found {hiddenChecked}");
    }

    [Fact]
    public async Task A_restricted_layer_is_unknown_to_the_public()
    {
        var (x, y) = TileMath.TileOf(ParkLon, ParkLat, 10);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"/tiles/species_occurrences/10/{x}/{y}.mvt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/tiles/species_occurrences.json")).StatusCode);
    }

    [Fact]
    public async Task An_unchanged_tile_answers_304_to_its_ETag()
    {
        var (x, y) = TileMath.TileOf(ParkLon, ParkLat, 9);
        var first = await server.Client.GetAsync($"/tiles/protected_areas/9/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.NoCache, "public tiles must be revalidated so publishing shows at once");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/tiles/protected_areas/9/{x}/{y}.mvt");
        request.Headers.IfNoneMatch.Add(etag);
        var second = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/tiles/protected_areas/9/{x}/{y}.mvt");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task A_tile_with_nothing_in_it_is_204()
    {
        // The South Atlantic at zoom 10: far from any record.
        var (x, y) = TileMath.TileOf(-20, -40, 10);
        var response = await server.Client.GetAsync($"/tiles/protected_areas/10/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("/tiles/protected_areas/25/0/0.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/protected_areas/3/8/0.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/protected_areas/3/-1/0.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/protected_areas/a/b/c.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/protected_areas/99999999999999999999/1/1.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/protected_areas/2/1/1e3.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/no_such_layer/1/1/1.mvt", HttpStatusCode.NotFound)]
    [InlineData("/tiles/protected_areas';DROP TABLE x;--/1/1/1.mvt", HttpStatusCode.NotFound)]
    [InlineData("/tiles/no_such_layer.json", HttpStatusCode.NotFound)]
    public async Task Bad_tile_requests_get_a_problem_document_and_change_nothing(string path, HttpStatusCode expected)
    {
        var before = await server.ScalarAsync<long>("SELECT count(*) FROM data.protected_areas");
        var response = await server.Client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await server.ScalarAsync<long>("SELECT count(*) FROM data.protected_areas"));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task GDAL_reads_a_tile_with_its_MVT_driver()
    {
        var (x, y) = TileMath.TileOf(ParkLon, ParkLat, 10);
        var url = new Uri(server.BaseUrl, $"/tiles/protected_areas/10/{x}/{y}.mvt");
        var result = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-al", "-q", "/vsicurl/" + url]);
        Assert.True(result.ExitCode == 0, result.Everything);
        Assert.Contains("name (String) = Vườn quốc gia Cát Bà", result.Output);
    }

    private static async Task<IList<NetTopologySuite.Features.IFeature>> DecodeAsync(
        HttpResponseMessage response, int z, int x, int y, string layer)
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var tile = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z), "id");
        var found = Assert.Single(tile.Layers);
        Assert.Equal(layer, found.Name);
        return found.Features;
    }
}
