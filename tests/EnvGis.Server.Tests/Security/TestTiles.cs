using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace EnvGis.Server.Tests.Security;

/// <summary>
/// The record ids a caller gets in the vector tile that holds a point. Points are thinned up to zoom
/// 14 (docs/tiles.md): ask at zoom 15 or deeper to see every record of a point layer on its own.
/// </summary>
public static class TestTiles
{
    public static async Task<List<long>> IdsAsync(HttpClient client, string layer, int z, double lon, double lat)
    {
        var (x, y) = TileMath.TileOf(lon, lat, z);
        var response = await client.GetAsync($"/tiles/{layer}/{z}/{x}/{y}.mvt");
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var tile = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z), "id");
        return tile.Layers.SelectMany(l => l.Features).Select(f => Convert.ToInt64(f.Attributes["id"])).ToList();
    }
}
