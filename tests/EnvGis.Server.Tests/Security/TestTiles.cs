using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace EnvGis.Server.Tests.Security;

/// <summary>
/// The record ids a caller gets in the vector tile that holds a point. Points are thinned up to zoom
/// 14 (docs/tiles.md): ask at zoom 15 or deeper to see every record of a point layer on its own.
/// The tile is asked for as a map client does, through the versioned URL the layer's TileJSON gives:
/// tests write with SQL behind the server's back, and the TileJSON makes the node catch up with the
/// change log first (an unversioned URL may be answered from the cache for a few ms after such a write).
/// </summary>
public static class TestTiles
{
    public static async Task<List<long>> IdsAsync(HttpClient client, string layer, int z, double lon, double lat)
    {
        var (x, y) = TileMath.TileOf(lon, lat, z);
        var response = await client.GetAsync(await TileUrlAsync(client, layer, z, x, y));
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var tile = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z), "id");
        return tile.Layers.SelectMany(l => l.Features).Select(f => Convert.ToInt64(f.Attributes["id"])).ToList();
    }

    private static async Task<string> TileUrlAsync(HttpClient client, string layer, int z, int x, int y)
    {
        var tileJson = await client.GetAsync($"/tiles/{layer}.json");
        if (tileJson.StatusCode != HttpStatusCode.OK)
        {
            return $"/tiles/{layer}/{z}/{x}/{y}.mvt";
        }

        using var document = System.Text.Json.JsonDocument.Parse(await tileJson.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("tiles")[0].GetString()!
            .Replace("{z}", z.ToString()).Replace("{x}", x.ToString()).Replace("{y}", y.ToString());
    }
}
