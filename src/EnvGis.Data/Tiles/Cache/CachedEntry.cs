namespace EnvGis.Data.Tiles.Cache;

/// <summary>
/// A cached tile: its content, the lon/lat box a change must touch to make it stale, and its stamp,
/// the layer's sequence number when it was read (later changes that touch the box remove it).
/// </summary>
public sealed class CachedEntry(TileCacheKey key, TileContent content, double[] bounds, long stamp)
{
    private long lastUse = Environment.TickCount64;

    public TileCacheKey Key { get; } = key;

    public TileContent Content { get; } = content;

    public double[] Bounds { get; } = bounds;

    public long Stamp { get; } = stamp;

    public long LastUse => Volatile.Read(ref lastUse);

    public void Touch() => Volatile.Write(ref lastUse, Environment.TickCount64);
}
