namespace EnvGis.Data.Tiles;

/// <summary>How a layer's tiles are generalised (tiles.settings; docs/tiles.md "Generalisation").</summary>
public sealed record TileSettings(
    int MinZoom,
    int MaxZoom,
    double MergePixels,
    int MergeMaxZoom,
    double ClusterPixels,
    int ClusterMaxZoom)
{
    public static TileSettings Default { get; } = new(0, 16, 12, 12, 16, 14);

    public bool Offers(int zoom) => zoom >= MinZoom && zoom <= MaxZoom;
}
