using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using EnvGis.Server.Tests.Wms;
using NetTopologySuite.Geometries;

namespace EnvGis.Server.Tests.Tiles;

/// <summary>
/// Generalised tiles, decoded: small public polygons merged by class at low zooms (never lost, never
/// showing a hidden record), shared edges kept, points thinned with counts of what the caller may see,
/// and the layers' zoom limits.
/// </summary>
[Collection("server")]
public sealed class GeneralisedTileTests(ServerFixture server)
{
    [Fact]
    public async Task Small_polygons_are_merged_by_class_at_low_zooms_and_drawn_one_by_one_when_big_enough()
    {
        // 25 zones of about 55 m in a 5 × 5 grid, all published, one class: a few pixels at zoom 10.
        var origin = (Lon: 107.501, Lat: 21.101);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                ids.Add(await InsertZoneAsync("published", origin.Lon + i * 0.0007, origin.Lat + j * 0.0007, 0.0005, "soil", "critical"));
            }
        }

        var anonymous = server.Client;
        var low = await TileClient.GetAsync(anonymous, "polluted_zones", 10, origin.Lon, origin.Lat);
        Assert.Equal(HttpStatusCode.OK, low.Response.StatusCode);
        Assert.DoesNotContain(low.Ids, ids.Contains);
        var merged = low.Features.Where(f => f.Attributes.Exists("generalised")).ToList();
        foreach (var (i, j) in new[] { (0, 0), (2, 3), (4, 4) })
        {
            var inside = new Point(origin.Lon + i * 0.0007 + 0.00025, origin.Lat + j * 0.0007 + 0.00025);
            var cover = Assert.Single(merged, f => f.Geometry.Contains(inside));
            Assert.Equal("soil", cover.Attributes["pollution_type"]);
            Assert.Equal("critical", cover.Attributes["severity"]);
            Assert.Equal(true, cover.Attributes["generalised"]);
        }

        var high = await TileClient.GetAsync(anonymous, "polluted_zones", 16, origin.Lon + 0.00025, origin.Lat + 0.00025);
        Assert.Contains(ids[0], high.Ids);
        Assert.DoesNotContain(high.Features, f => f.Attributes.Exists("generalised"));
    }

    [Fact]
    public async Task A_hidden_small_polygon_never_shapes_the_public_tile_but_its_owner_sees_it()
    {
        var at = (Lon: 107.531, Lat: 21.131);
        var draft = await InsertZoneAsync("draft", at.Lon, at.Lat, 0.0005, "noise", "low");
        var inside = new Point(at.Lon + 0.00025, at.Lat + 0.00025);
        var publicTile = await TileClient.GetAsync(server.Client, "polluted_zones", 10, at.Lon, at.Lat);
        Assert.DoesNotContain(publicTile.Features, f => f.Geometry.Contains(inside));

        using var admin = server.Admin();
        var adminTile = await TileClient.GetAsync(admin, "polluted_zones", 10, at.Lon, at.Lat);
        var own = Assert.Single(adminTile.Features, f => f.Geometry.Contains(inside));
        Assert.Equal(draft, Convert.ToInt64(own.Attributes["id"]));
        Assert.True(adminTile.Response.Headers.CacheControl is { Private: true, NoCache: true }, adminTile.Response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_hidden_polygon_under_a_pixel_across_a_tile_edge_is_still_drawn_for_its_owner()
    {
        // Longitude 106.875 is the edge between tiles x = 815 and 816 at zoom 10 (and every deeper zoom);
        // the draft is about 44 m wide, a third of a pixel there: on the pixel grid it collapses.
        var edge = 106.875;
        var draft = await InsertZoneAsync("draft", edge - 0.0002, 20.871, 0.0004, "noise", "low");
        using var admin = server.Admin();
        foreach (var lon in new[] { edge - 0.001, edge + 0.001 })
        {
            var tile = await TileClient.GetAsync(admin, "polluted_zones", 10, lon, 20.8712);
            Assert.Equal(HttpStatusCode.OK, tile.Response.StatusCode);
            Assert.Contains(draft, tile.Ids);
        }
    }

    [Fact]
    public async Task Neighbours_keep_their_shared_edge_after_simplification()
    {
        // Two zones sharing a wavy edge of many vertices, at a zoom where it is simplified to pixels.
        var edge = Enumerable.Range(0, 41).Select(k => (107.42 + 0.0003 * Math.Sin(k * 1.3), 21.00 + k * 0.0005)).ToList();
        var a = await InsertShapeAsync([(107.40, 21.00), .. edge, (107.40, 21.02), (107.40, 21.00)]);
        var b = await InsertShapeAsync([(107.44, 21.00), (107.44, 21.02), .. Enumerable.Reverse(edge), (107.44, 21.00)]);
        var tile = await TileClient.GetAsync(server.Client, "polluted_zones", 10, 107.42, 21.01);
        var first = Assert.Single(tile.Features, f => f.Attributes.Exists("id") && Convert.ToInt64(f.Attributes["id"]) == a).Geometry;
        var second = Assert.Single(tile.Features, f => f.Attributes.Exists("id") && Convert.ToInt64(f.Attributes["id"]) == b).Geometry;
        var shared = first.Intersection(second);
        Assert.True(first.Intersection(second).Area < 1e-12, "the neighbours must not overlap");
        Assert.True(shared.Length > 0.019, $"the shared edge must stay shared, got {shared.Length}");
        Assert.True(first.NumPoints < edge.Count, "the edge is simplified to the pixel grid");
    }

    [Fact]
    public async Task Overlapping_points_are_thinned_with_the_count_of_what_the_caller_may_see()
    {
        var at = (Lon: 107.6512, Lat: 21.2512);
        Assert.Equal(0, await server.ScalarAsync<long>(
            "SELECT count(*) FROM data.environmental_incidents WHERE ST_DWithin(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326), 0.01)", at.Lon, at.Lat));
        var published = new List<long>();
        for (var k = 0; k < 5; k++)
        {
            published.Add(await server.InsertIncidentAsync("so-nnmt", "published", (at.Lon + k * 0.00005, at.Lat), $"Điểm dày {k}"));
        }

        await server.InsertIncidentAsync("so-nnmt", "draft", (at.Lon + 0.0001, at.Lat + 0.00005), "Nháp 1");
        await server.InsertIncidentAsync("so-nnmt", "submitted", (at.Lon, at.Lat + 0.00005), "Nháp 2");

        var thinned = await TileClient.GetAsync(server.Client, "environmental_incidents", 12, at.Lon, at.Lat);
        var one = Assert.Single(thinned.Features);
        Assert.Equal(published.Min(), Convert.ToInt64(one.Attributes["id"]));
        Assert.Equal(5L, Convert.ToInt64(one.Attributes["point_count"]));

        using var admin = server.Admin();
        var all = Assert.Single((await TileClient.GetAsync(admin, "environmental_incidents", 12, at.Lon, at.Lat)).Features);
        Assert.Equal(7L, Convert.ToInt64(all.Attributes["point_count"]));

        var deep = await TileClient.GetAsync(server.Client, "environmental_incidents", 16, at.Lon, at.Lat);
        Assert.Equal(published.Order(), deep.Ids.Order());
    }

    [Fact]
    public async Task Zooms_outside_the_layers_range_get_a_clear_answer_and_the_range_follows_the_settings()
    {
        var beyond = await server.Client.GetAsync("/tiles/coastline/17/104000/57000.mvt");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Equal("zoom-out-of-range", (await beyond.JsonAsync()).GetProperty("code").GetString());

        await server.ExecuteSqlAsync("UPDATE tiles.settings SET min_zoom = 6 WHERE layer = 'coastline'");
        try
        {
            await WaitAsync(async () => (await server.Client.GetAsync("/tiles/coastline/5/25/14.mvt")).StatusCode == HttpStatusCode.NotFound);
            var tileJson = await (await server.Client.GetAsync("/tiles/coastline.json")).JsonAsync();
            Assert.Equal(6, tileJson.GetProperty("minzoom").GetInt32());
        }
        finally
        {
            await server.ExecuteSqlAsync("UPDATE tiles.settings SET min_zoom = 0 WHERE layer = 'coastline'");
        }

        await WaitAsync(async () => (await server.Client.GetAsync("/tiles/coastline/5/25/14.mvt")).StatusCode != HttpStatusCode.NotFound);
    }

    private Task<long> InsertZoneAsync(string status, double lon, double lat, double size, string type, string severity) =>
        server.ScalarAsync<long>("""
            INSERT INTO data.polluted_zones (name, pollution_type, severity, owner_unit, status, created_by, updated_by, geom)
            VALUES ('Ô nhỏ', $1, $2, 'so-nnmt', $3, 'test', 'test', ST_Multi(ST_MakeEnvelope($4, $5, $6, $7, 4326)))
            RETURNING id
            """, type, severity, status, lon, lat, lon + size, lat + size);

    private Task<long> InsertShapeAsync(IEnumerable<(double Lon, double Lat)> ring) =>
        server.ScalarAsync<long>($"""
            INSERT INTO data.polluted_zones (name, pollution_type, severity, owner_unit, status, created_by, updated_by, geom)
            VALUES ('Láng giềng', 'water', 'medium', 'so-nnmt', 'published', 'test', 'test',
                    ST_Multi(ST_GeomFromText('POLYGON(({string.Join(", ", ring.Select(p => FormattableString.Invariant($"{p.Lon} {p.Lat}")))}))', 4326)))
            RETURNING id
            """);

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(100);
        }
    }
}
