using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Data.Tiles;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using EnvGis.Server.Tests.Wms;
using Microsoft.Extensions.DependencyInjection;
using static EnvGis.Server.Tests.WfsTransaction.Transactions;

namespace EnvGis.Server.Tests.Tiles;

/// <summary>
/// The tile cache: hits without a query, 304 without a query, and exact invalidation through every
/// write channel (records API with publish and restore, WFS-T, SQL, the documented function): the
/// tiles a change touches are dropped, the others stay.
/// </summary>
[Collection("server")]
public sealed class TileInvalidationTests(ServerFixture server)
{
    private const string Incidents = "environmental_incidents";
    private static readonly (double Lon, double Lat) Far = (106.1005, 20.9505);

    // Deeper than points are thinned, so each record is its own feature.
    private const int Zoom = 15;

    private TileStore Store => server.Services.GetRequiredService<TileStore>();

    [Fact]
    public async Task A_cached_tile_is_served_and_revalidated_without_reading_the_database()
    {
        var at = (Lon: 106.7111, Lat: 20.8411);
        var first = await TileClient.GetAsync(server.Client, "communes", 14, at.Lon, at.Lat);
        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        var queries = Store.QueriesRun;
        var second = await TileClient.GetAsync(server.Client, "communes", 14, at.Lon, at.Lat);
        Assert.Equal("hit", second.Cache);
        Assert.Equal(first.Body, second.Body);

        var etag = second.Response.Headers.ETag!;
        var revalidated = await TileClient.GetAsync(server.Client, "communes", 14, at.Lon, at.Lat,
            configure: r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.Response.StatusCode);
        Assert.Empty(revalidated.Body);
        Assert.Equal(etag, revalidated.Response.Headers.ETag);

        // The ETag of the brotli encoding revalidates too.
        var brotli = await TileClient.GetAsync(server.Client, "communes", 14, at.Lon, at.Lat,
            configure: r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br")));
        Assert.Equal("br", Assert.Single(brotli.Response.Content.Headers.ContentEncoding));
        var again = await TileClient.GetAsync(server.Client, "communes", 14, at.Lon, at.Lat,
            configure: r => r.Headers.IfNoneMatch.Add(brotli.Response.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.Response.StatusCode);
        Assert.Equal(queries, Store.QueriesRun);
    }

    [Fact]
    public async Task Publishing_through_the_API_shows_at_once_and_drops_only_the_tiles_it_touches()
    {
        var at = (Lon: 106.7537, Lat: 20.8631);
        await WarmAsync(Incidents, at);
        await WarmAsync(Incidents, Far);
        var before = await PublicVersionAsync(Incidents);

        using var admin = server.Admin();
        var created = await admin.PostAsJsonAsync($"/api/layers/{Incidents}/records", TestPlaces.IncidentFeature(at, "Sự cố thử bộ nhớ đệm"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = long.Parse((await created.JsonAsync()).GetProperty("id").GetString()!.Split('.')[1]);
        var draftTile = await TileClient.GetAsync(server.Client, Incidents, Zoom, at.Lon, at.Lat);
        Assert.DoesNotContain(id, draftTile.Ids);
        Assert.Equal(before, await PublicVersionAsync(Incidents));

        var version = 1;
        foreach (var action in new[] { "submit", "approve", "publish" })
        {
            var response = await admin.PostAsJsonAsync($"/api/layers/{Incidents}/records/{id}/{action}", new { version });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            version++;
        }

        // Right after the write answered: no waiting, the public tile has it.
        var published = await TileClient.GetAsync(server.Client, Incidents, Zoom, at.Lon, at.Lat);
        Assert.Contains(id, published.Ids);
        Assert.Equal("miss", published.Cache);
        Assert.NotEqual(before, await PublicVersionAsync(Incidents));
        Assert.Equal("hit", (await TileClient.GetAsync(server.Client, Incidents, Zoom, Far.Lon, Far.Lat)).Cache);
    }

    [Fact]
    public async Task A_WFS_T_update_and_an_archive_and_restore_reach_the_tiles_at_once()
    {
        var at = (Lon: 106.7641, Lat: 20.8741);
        var id = await server.InsertIncidentAsync("so-nnmt", "published", at, "Trước khi sửa");
        Assert.Contains(id, (await WarmAsync(Incidents, at)).Ids);

        using var admin = server.Admin();
        var (status, body, _) = await PostAsync(admin, Document("2.0.0", Update("2.0.0", $"envgis:{Incidents}",
            [("name", "Sau khi sửa qua WFS-T")], IdFilter("2.0.0", $"{Incidents}.{id}"))));
        Assert.True(status == HttpStatusCode.OK, body);
        await AssertPublicTileMatchesDatabaseAsync(id, at, expectName: "Sau khi sửa qua WFS-T");

        // Archive through the API: gone from every tile at once.
        var current = await server.ScalarAsync<int>($"SELECT version FROM data.{Incidents} WHERE id = $1", id);
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/layers/{Incidents}/records/{id}"))
        {
            delete.Headers.TryAddWithoutValidation("If-Match", $"W/\"{current}\"");
            Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(delete)).StatusCode);
        }

        Assert.DoesNotContain(id, (await TileClient.GetAsync(server.Client, Incidents, Zoom, at.Lon, at.Lat)).Ids);
        Assert.Equal("archived", await AdminStatusAsync(admin, id, at) ?? "archived");

        // Restore: the administrator's tile has the restored record at once, the public's follows its status.
        var restored = await admin.PostAsJsonAsync($"/api/layers/{Incidents}/records/{id}/restore", new { version = current + 1 });
        Assert.True(restored.IsSuccessStatusCode, await restored.Content.ReadAsStringAsync());
        Assert.Equal(await server.ScalarAsync<string>($"SELECT status FROM data.{Incidents} WHERE id = $1", id),
            await AdminStatusAsync(admin, id, at));
        await AssertPublicTileMatchesDatabaseAsync(id, at, expectName: null);
    }

    [Fact]
    public async Task Writes_by_SQL_and_the_documented_function_reach_the_cache_through_the_database()
    {
        var at = (Lon: 106.7743, Lat: 20.8843);
        var id = await server.InsertIncidentAsync("so-nnmt", "published", at, "Ghi thẳng SQL");
        await TileClient.WaitForAsync(server.Client, Incidents, Zoom, at.Lon, at.Lat, t => t.Ids.Contains(id));
        await WarmAsync(Incidents, at);

        // Another subsystem updates a column straight in the table (as monitoring does with live values).
        await server.ExecuteSqlAsync($"UPDATE data.{Incidents} SET name = 'Đổi bằng SQL' WHERE id = $1", id);
        await TileClient.WaitForAsync(server.Client, Incidents, Zoom, at.Lon, at.Lat,
            t => t.Features.Any(f => f.Attributes.Exists("id") && Convert.ToInt64(f.Attributes["id"]) == id && (string)f.Attributes["name"] == "Đổi bằng SQL"));

        // Or says that something tiles show changed there without a write to the layer.
        await WarmAsync(Incidents, at);
        await WarmAsync(Incidents, Far);
        await server.ScalarAsync<long>($"SELECT tiles.record_change('{Incidents}', NULL, ST_SetSRID(ST_MakePoint($1, $2), 4326))", at.Lon, at.Lat);
        await TileClient.WaitForAsync(server.Client, Incidents, Zoom, at.Lon, at.Lat, t => t.Cache == "miss");
        Assert.Equal("hit", (await TileClient.GetAsync(server.Client, Incidents, Zoom, Far.Lon, Far.Lat)).Cache);
    }

    [Fact]
    public async Task A_hidden_draft_never_reaches_the_public_through_the_cache()
    {
        var at = (Lon: 106.7847, Lat: 20.8947);
        await WarmAsync(Incidents, at);
        var draft = await server.InsertIncidentAsync("so-nnmt", "draft", at, "Nháp ẩn");
        using var admin = server.Admin();
        await TileClient.WaitForAsync(admin, Incidents, Zoom, at.Lon, at.Lat, t => t.Ids.Contains(draft));
        for (var i = 0; i < 3; i++)
        {
            Assert.DoesNotContain(draft, (await TileClient.GetAsync(server.Client, Incidents, Zoom, at.Lon, at.Lat)).Ids);
        }
    }

    // The record's status as the administrator's tile shows it (null when the tile does not hold it).
    private static async Task<string?> AdminStatusAsync(HttpClient admin, long id, (double Lon, double Lat) at)
    {
        var tile = await TileClient.GetAsync(admin, Incidents, Zoom, at.Lon, at.Lat);
        return tile.Features.FirstOrDefault(f => f.Attributes.Exists("id") && Convert.ToInt64(f.Attributes["id"]) == id)?.Attributes["status"] as string;
    }

    // Until the tile comes from the cache (a change still on its way from the database is not kept).
    private Task<TileClient.Fetched> WarmAsync(string layer, (double Lon, double Lat) at) =>
        TileClient.WaitForAsync(server.Client, layer, Zoom, at.Lon, at.Lat, t => t.Cache == "hit");

    private async Task<string> PublicVersionAsync(string layer)
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync($"/tiles/{layer}.json"));
        var template = json.RootElement.GetProperty("tiles")[0].GetString()!;
        return template[(template.IndexOf("?v=", StringComparison.Ordinal) + 3)..];
    }

    private async Task AssertPublicTileMatchesDatabaseAsync(long id, (double Lon, double Lat) at, string? expectName)
    {
        var status = await server.ScalarAsync<string>($"SELECT status FROM data.{Incidents} WHERE id = $1", id);
        var tile = await TileClient.GetAsync(server.Client, Incidents, Zoom, at.Lon, at.Lat);
        if (status == "published")
        {
            var feature = Assert.Single(tile.Features, f => f.Attributes.Exists("id") && Convert.ToInt64(f.Attributes["id"]) == id);
            if (expectName is not null)
            {
                Assert.Equal(expectName, feature.Attributes["name"]);
            }
        }
        else
        {
            Assert.DoesNotContain(id, tile.Ids);
        }
    }
}
