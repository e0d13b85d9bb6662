namespace EnvGis.Data.Tiles.Cache;

/// <summary>How a tile was served: from the cache, rendered and stored, or rendered while the cache could not be trusted.</summary>
public enum TileCacheOutcome
{
    Hit,
    Miss,
    Bypass,
}
