using System.Collections.Concurrent;
using EnvGis.Data.Changes;

namespace EnvGis.Data.Tiles.Cache;

/// <summary>Tiles in memory, at most <c>budget</c> bytes; the least recently used go first.</summary>
public sealed class MemoryTileCache(long budget)
{
    private readonly ConcurrentDictionary<TileCacheKey, CachedEntry> entries = new();
    private readonly Lock evicting = new();
    private long bytes;

    public long Bytes => Interlocked.Read(ref bytes);

    public int Count => entries.Count;

    public bool TryGet(TileCacheKey key, out CachedEntry entry)
    {
        if (entries.TryGetValue(key, out entry!))
        {
            entry.Touch();
            return true;
        }

        return false;
    }

    public void Store(CachedEntry entry)
    {
        if (budget <= 0 || entry.Content.Size > budget / 4)
        {
            return;
        }

        entries.AddOrUpdate(entry.Key, entry, (_, old) =>
        {
            Interlocked.Add(ref bytes, -old.Content.Size);
            return entry;
        });
        Interlocked.Add(ref bytes, entry.Content.Size);
        if (Bytes > budget)
        {
            Evict();
        }
    }

    /// <summary>Removes the entries of the change's layer that it touches and that are older than it.</summary>
    public int Invalidate(LayerChange change, bool alsoScopedEntriesOfOtherLayers)
    {
        var removed = 0;
        foreach (var (key, entry) in entries)
        {
            var sameLayer = key.Layer == change.Layer && entry.Stamp < change.Seq;
            var scoped = alsoScopedEntriesOfOtherLayers && !key.IsPublic;
            if ((sameLayer || scoped) && change.Touches(entry.Bounds) && Remove(key, entry))
            {
                removed++;
            }
        }

        return removed;
    }

    public void Clear()
    {
        foreach (var (key, entry) in entries)
        {
            Remove(key, entry);
        }
    }

    public bool Remove(TileCacheKey key, CachedEntry entry)
    {
        if (entries.TryRemove(new KeyValuePair<TileCacheKey, CachedEntry>(key, entry)))
        {
            Interlocked.Add(ref bytes, -entry.Content.Size);
            return true;
        }

        return false;
    }

    // Down to 90 % of the budget, least recently used first.
    private void Evict()
    {
        lock (evicting)
        {
            if (Bytes <= budget)
            {
                return;
            }

            foreach (var entry in entries.Values.OrderBy(e => e.LastUse).ToList())
            {
                if (Bytes <= budget * 9 / 10)
                {
                    break;
                }

                Remove(entry.Key, entry);
            }
        }
    }
}
