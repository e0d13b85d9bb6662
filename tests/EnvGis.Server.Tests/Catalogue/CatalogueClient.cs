using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace EnvGis.Server.Tests.Catalogue;

/// <summary>What the catalogue tests do over HTTP: records through the API, tiles decoded, waiting on a node's state.</summary>
public static class CatalogueClient
{
    /// <summary>Creates a record through the records API and takes it to published; its id.</summary>
    public static async Task<long> PublishedRecordAsync(HttpClient admin, string layer, double lon, double lat, object properties)
    {
        var created = await admin.PostAsJsonAsync($"/api/layers/{layer}/records",
            new { type = "Feature", geometry = new { type = "Point", coordinates = new[] { lon, lat } }, properties });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var feature = JsonDocument.Parse(body).RootElement;
        var id = long.Parse(feature.GetProperty("id").GetString()!.Split('.')[^1]);
        var version = feature.GetProperty("properties").GetProperty("version").GetInt32();
        foreach (var action in new[] { "submit", "approve", "publish" })
        {
            var acted = await admin.PostAsJsonAsync($"/api/layers/{layer}/records/{id}/{action}", new { version });
            var text = await acted.Content.ReadAsStringAsync();
            Assert.True(acted.IsSuccessStatusCode, $"{action}: {text}");
            version = JsonDocument.Parse(text).RootElement.GetProperty("properties").GetProperty("version").GetInt32();
        }

        return id;
    }

    /// <summary>The features of the vector tile at zoom 15 that holds the point: id → properties.</summary>
    public static async Task<Dictionary<long, IDictionary<string, object>>> TileFeaturesAsync(HttpClient client, string layer, double lon, double lat)
    {
        const int z = 15;
        var (x, y) = TileMath.TileOf(lon, lat, z);
        var response = await client.GetAsync($"/tiles/{layer}/{z}/{x}/{y}.mvt");
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var tile = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z), "id");
        return tile.Layers.SelectMany(l => l.Features).ToDictionary(
            f => Convert.ToInt64(f.Attributes["id"]),
            f => (IDictionary<string, object>)f.Attributes.GetNames().ToDictionary(n => n, n => f.Attributes[n]));
    }

    /// <summary>Polls until <paramref name="condition"/> holds (a generous deadline: the machine may be busy).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not within {seconds} s: {what}");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A layer of /api/layers by name, or null.</summary>
    public static async Task<JsonElement?> ListedLayerAsync(HttpClient client, string layer)
    {
        var catalogue = await (await client.GetAsync("/api/layers")).JsonAsync();
        foreach (var category in catalogue.GetProperty("categories").EnumerateArray())
        {
            foreach (var l in category.GetProperty("layers").EnumerateArray())
            {
                if (l.GetProperty("name").GetString() == layer)
                {
                    return l;
                }
            }
        }

        return null;
    }

    public static IEnumerable<string> AttributeNames(JsonElement layer) =>
        layer.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("name").GetString()!);

    /// <summary>An RFC 7807 problem with that status, code and (when given) field, and a sentence saying why.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
