namespace EnvGis.Data.Tiles.Cache;

/// <summary>The tile cache's bounds and place on disk (docs/tiles.md "Cache").</summary>
public sealed record TileCacheOptions(long MemoryBytes, long DiskBytes, string? Directory)
{
    public static TileCacheOptions MemoryOnly(long memoryBytes) => new(memoryBytes, 0, null);

    public bool UsesDisk => DiskBytes > 0 && Directory is not null;
}
