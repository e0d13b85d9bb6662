using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Changes;
using EnvGis.Data.Tiles.Cache;

namespace EnvGis.Data.Tiles;

/// <summary>
/// The tile cache in front of the tile store: the same tiles, keyed by layer, z/x/y and the caller's
/// visibility (the public shares one entry), dropped when a change touches them.
/// </summary>
public sealed class CachedTileStore(TileStore store, TileCache cache)
{
    /// <summary>A change this close (in tile widths) to a tile may alter it: the tile query's buffer.</summary>
    public const double Margin = (double)TileSql.Buffer / TileSql.Extent * 2;

    public Task<(TileContent Content, TileCacheOutcome Outcome)> GetTileAsync(LayerDefinition layer, TileCoordinate tile,
        ReadScope scope, CancellationToken ct) =>
        cache.GetOrRenderAsync(
            new TileCacheKey(layer.Name, TileCacheKey.VectorVariant, tile.Z, tile.X, tile.Y, VisibilityKey.Of(scope)),
            () => tile.LonLatBounds(Math.Max(Margin, ClusterMargin(layer))),
            token => store.GetTileAsync(layer, tile, scope, token),
            compress: true,
            ct);

    // Thinned points look a whole cluster cell around the tile (at most 256 pixels: a tile).
    private static double ClusterMargin(LayerDefinition layer) => layer.GeometryKind == GeometryKind.Point ? 1.0 : 0;
}
