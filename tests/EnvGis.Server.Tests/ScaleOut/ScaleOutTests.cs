using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using EnvGis.Server.Tests.Tiles;
using Npgsql;

namespace EnvGis.Server.Tests.ScaleOut;

/// <summary>
/// Two nodes on a primary and a streaming standby: sessions work across nodes, an edit on one node is
/// in the other's tiles, public reads use the standby and fall back to the primary without it.
/// </summary>
[Collection("scale-out")]
public sealed class ScaleOutTests(ReplicationFixture cluster)
{
    [Fact]
    public async Task Signed_in_on_node_A_the_session_and_its_antiforgery_token_work_on_node_B()
    {
        var cookies = new CookieContainer();
        using var a = cluster.Client(cluster.NodeA, cookies);
        using var b = cluster.Client(cluster.NodeB, cookies);
        var token = (await (await a.GetAsync("/api/account/antiforgery")).JsonAsync()).GetProperty("token").GetString()!;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in")
        {
            Content = JsonContent.Create(new { userName = TestAccounts.AdminUser, password = ServerFixture.AdminPassword }),
        };
        signIn.Headers.Add("X-CSRF-TOKEN", token);
        var signedIn = await a.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var signedInToken = (await signedIn.JsonAsync()).GetProperty("antiforgeryToken").GetString()!;

        var me = await (await b.GetAsync("/api/account/me")).JsonAsync();
        Assert.Equal(TestAccounts.AdminUser, me.GetProperty("userName").GetString());

        // A change on node B with the token node A issued: the key ring is shared through the database.
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-out");
        signOut.Headers.Add("X-CSRF-TOKEN", signedInToken);
        Assert.Equal(HttpStatusCode.NoContent, (await b.SendAsync(signOut)).StatusCode);
        Assert.Equal("null", (await a.GetStringAsync("/api/account/me")).Trim());
    }

    [Fact]
    public async Task An_edit_on_node_A_is_fresh_in_the_tiles_of_node_B_and_never_stale_under_a_new_version()
    {
        var at = (Lon: 106.7251, Lat: 20.8351);
        using var anonymousB = cluster.Client(cluster.NodeB);
        await TileClient.GetAsync(anonymousB, "environmental_incidents", 15, at.Lon, at.Lat);

        using var adminA = Basic(cluster.NodeA);
        var created = await adminA.PostAsJsonAsync("/api/layers/environmental_incidents/records", TestPlaces.IncidentFeature(at, "Sửa trên nút A"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = long.Parse((await created.JsonAsync()).GetProperty("id").GetString()!.Split('.')[1]);
        var version = 1;
        foreach (var action in new[] { "submit", "approve", "publish" })
        {
            var response = await adminA.PostAsJsonAsync($"/api/layers/environmental_incidents/records/{id}/{action}", new { version });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            version++;
        }

        // The URL node A now hands out names the new version; node B never serves it without the record.
        using var anonymousA = cluster.Client(cluster.NodeA);
        using var json = JsonDocument.Parse(await anonymousA.GetStringAsync("/tiles/environmental_incidents.json"));
        var template = json.RootElement.GetProperty("tiles")[0].GetString()!;
        var newVersion = template[(template.IndexOf("?v=", StringComparison.Ordinal) + 3)..];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var tile = await TileClient.GetAsync(anonymousB, "environmental_incidents", 15, at.Lon, at.Lat, newVersion);
            Assert.Equal(HttpStatusCode.OK, tile.Response.StatusCode);
            if (tile.Response.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable") == true)
            {
                Assert.Contains(id, tile.Ids);
            }

            if (tile.Ids.Contains(id))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "node B never showed the record published on node A");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Public_reads_go_to_the_standby_and_to_the_primary_when_it_stops_and_readiness_says_so()
    {
        using var b = cluster.Client(cluster.NodeB);
        await WaitAsync(async () => (await ReadyAsync(b)).GetProperty("checks").GetProperty("standbys").GetProperty("status").GetString() == "Healthy");
        // An uncached tile read by node B for the public runs on the standby (a new tile each try).
        var (x, y) = TileMath.TileOf(106.60, 20.87, 15);
        var scans = await StandbyTileScansAsync();
        await WaitAsync(async () =>
        {
            var response = await b.GetAsync($"/tiles/communes/15/{x++}/{y}.mvt");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent);
            return await StandbyTileScansAsync() > scans;
        }, async () => (await ReadyAsync(b)).ToString());

        try
        {
            await cluster.StopStandbyAsync();
            await WaitAsync(async () =>
            {
                var standbys = (await ReadyAsync(b)).GetProperty("checks").GetProperty("standbys");
                return standbys.GetProperty("status").GetString() == "Degraded"
                       && standbys.GetProperty("description").GetString()!.Contains("reads go to the primary", StringComparison.Ordinal);
            });
            var ready = await b.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

            // Reads keep working on the primary: tiles (also uncached ones), WMS, WFS.
            var (x2, y2) = TileMath.TileOf(106.5, 20.9, 14);
            var tile = await b.GetAsync($"/tiles/communes/14/{x2}/{y2}.mvt");
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
            var wfs = await b.GetAsync("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:communes&COUNT=2");
            Assert.Equal(HttpStatusCode.OK, wfs.StatusCode);
            var wms = await b.GetAsync("/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=communes&STYLES=&SRS=EPSG:4326&BBOX=106.6,20.8,106.8,20.9&WIDTH=64&HEIGHT=32&FORMAT=image/png");
            Assert.Equal(HttpStatusCode.OK, wms.StatusCode);
        }
        finally
        {
            await cluster.StartStandbyAsync();
        }

        await WaitAsync(async () => (await ReadyAsync(b)).GetProperty("checks").GetProperty("standbys").GetProperty("status").GetString() == "Healthy");
    }

    [Fact]
    public async Task A_node_whose_tile_cache_folder_cannot_be_written_serves_tiles_anyway()
    {
        using var b = cluster.Client(cluster.NodeB);
        var (x, y) = TileMath.TileOf(106.68, 20.86, 12);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/tiles/land/12/{x}/{y}.mvt")).StatusCode);
        }
    }

    private HttpClient Basic(Uri node)
    {
        var client = cluster.Client(node);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestAccounts.AdminUser}:{ServerFixture.AdminPassword}")));
        return client;
    }

    private static async Task<JsonElement> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return await response.JsonAsync();
    }

    // Index or table scans of the communes' tile shapes counted by the standby itself: tile queries ran there.
    private async Task<long> StandbyTileScansAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.StandbyConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0)::bigint FROM pg_stat_user_tables WHERE schemaname = 'tile_shapes' AND relname = 'communes'",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, Func<Task<string>>? explain = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held " + (explain is null ? "" : await explain()));
            await Task.Delay(200);
        }
    }
}
