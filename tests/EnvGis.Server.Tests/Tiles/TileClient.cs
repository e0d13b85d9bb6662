using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using NetTopologySuite.Features;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace EnvGis.Server.Tests.Tiles;

/// <summary>Fetches and decodes vector tiles the way a map client does.</summary>
public static class TileClient
{
    public sealed record Fetched(HttpResponseMessage Response, byte[] Body, IList<IFeature> Features)
    {
        public string? Cache => Response.Headers.TryGetValues("X-Tile-Cache", out var v) ? v.Single() : null;

        public List<long> Ids => Features.Where(f => f.Attributes.Exists("id")).Select(f => Convert.ToInt64(f.Attributes["id"])).ToList();
    }

    public static string PathOf(string layer, int z, double lon, double lat, string? version = null)
    {
        var (x, y) = TileMath.TileOf(lon, lat, z);
        return $"/tiles/{layer}/{z}/{x}/{y}.mvt" + (version is null ? "" : "?v=" + version);
    }

    public static async Task<Fetched> GetAsync(HttpClient client, string layer, int z, double lon, double lat,
        string? version = null, Action<HttpRequestMessage>? configure = null)
    {
        var (x, y) = TileMath.TileOf(lon, lat, z);
        using var request = new HttpRequestMessage(HttpMethod.Get, PathOf(layer, z, lon, lat, version));
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentEncoding.Count > 0)
        {
            return new Fetched(response, body, []);
        }

        await using var stream = new MemoryStream(body);
        var tile = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z), "id");
        return new Fetched(response, body, tile.Layers.SelectMany(l => l.Features).ToList());
    }

    /// <summary>Fetches until <paramref name="done"/> holds (a change reaches the cache by the database's notification), or fails after 30 s.</summary>
    public static async Task<Fetched> WaitForAsync(HttpClient client, string layer, int z, double lon, double lat, Func<Fetched, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var fetched = await GetAsync(client, layer, z, lon, lat);
            if (done(fetched))
            {
                return fetched;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the tile of {layer} at {lon},{lat} never showed the change");
            await Task.Delay(100);
        }
    }
}
