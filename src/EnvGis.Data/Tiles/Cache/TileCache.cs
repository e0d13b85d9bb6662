using System.Collections.Concurrent;
using EnvGis.Data.Changes;

namespace EnvGis.Data.Tiles.Cache;

/// <summary>
/// The tile cache (docs/tiles.md "Cache"): memory in front of disk, bounded, in front of whatever renders
/// tiles (vector tiles, WMTS images). An entry is stamped with its layer's sequence number when it is
/// read, and lives until a later change touches its box (<see cref="OnChange"/>, driven by the change
/// log on every node). A tile read while a change came in is served but not kept. While the change
/// feed is not caught up, the cache is neither read nor written. Concurrent requests for the same
/// missing tile share one rendering.
/// </summary>
public sealed class TileCache(MemoryTileCache memory, DiskTileCache? disk, LayerVersions versions, ChangeFeedState feed)
    : ILayerChangeListener
{
    private readonly ConcurrentDictionary<TileCacheKey, Lazy<Task<TileContent>>> rendering = new();
    private long hits;
    private long misses;
    private long bypasses;

    public MemoryTileCache Memory => memory;

    public DiskTileCache? Disk => disk;

    /// <summary>Served from the cache, rendered, rendered without the cache: counts since start.</summary>
    public (long Hits, long Misses, long Bypasses) Counts => (Interlocked.Read(ref hits), Interlocked.Read(ref misses), Interlocked.Read(ref bypasses));

    /// <param name="bounds">The lon/lat box a change must touch to make this tile stale (asked for only when the tile is rendered).</param>
    /// <param name="compress">Keep gzip and brotli encodings too (vector tiles; not PNG/JPEG).</param>
    public async Task<(TileContent Content, TileCacheOutcome Outcome)> GetOrRenderAsync(TileCacheKey key, Func<double[]> bounds,
        Func<CancellationToken, Task<byte[]>> render, bool compress, CancellationToken ct)
    {
        if (!feed.Healthy)
        {
            Interlocked.Increment(ref bypasses);
            return (TileContent.Create(await render(ct), compress), TileCacheOutcome.Bypass);
        }

        if (memory.TryGet(key, out var entry))
        {
            Interlocked.Increment(ref hits);
            return (entry.Content, TileCacheOutcome.Hit);
        }

        if (disk is not null && disk.TryGet(key, out entry))
        {
            memory.Store(entry);
            Interlocked.Increment(ref hits);
            return (entry.Content, TileCacheOutcome.Hit);
        }

        Interlocked.Increment(ref misses);
        var shared = rendering.GetOrAdd(key, k => new Lazy<Task<TileContent>>(() => RenderAndStoreAsync(k, bounds, render, compress)));
        try
        {
            return (await shared.Value.WaitAsync(ct), TileCacheOutcome.Miss);
        }
        finally
        {
            rendering.TryRemove(new KeyValuePair<TileCacheKey, Lazy<Task<TileContent>>>(key, shared));
        }
    }

    public void OnChange(LayerChange change)
    {
        // Units see their own records only inside their communes: a change there may alter their tiles of every layer.
        memory.Invalidate(change, alsoScopedEntriesOfOtherLayers: change.Layer == LayerVersions.AreaLayer);
        disk?.Invalidate(change);
    }

    /// <summary>Empties the memory cache (the disk entries stay, checked as usual).</summary>
    public void ClearMemory() => memory.Clear();

    private async Task<TileContent> RenderAndStoreAsync(TileCacheKey key, Func<double[]> bounds,
        Func<CancellationToken, Task<byte[]>> render, bool compress)
    {
        var stamp = versions.Seq(key.Layer);
        var area = key.IsPublic ? 0 : versions.Seq(LayerVersions.AreaLayer);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var content = TileContent.Create(await render(timeout.Token), compress);
        if (!feed.Healthy || !Current(key, stamp, area))
        {
            return content;
        }

        var entry = new CachedEntry(key, content, bounds(), stamp);
        memory.Store(entry);
        // A change applied between the check and the store found nothing to remove: check again.
        if (!Current(key, stamp, area))
        {
            memory.Remove(key, entry);
            return content;
        }

        disk?.Store(entry);
        return content;
    }

    private bool Current(TileCacheKey key, long stamp, long area) =>
        versions.Seq(key.Layer) == stamp && (key.IsPublic || versions.Seq(LayerVersions.AreaLayer) == area);
}
