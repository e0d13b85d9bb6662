using EnvGis.Data.Changes;
using EnvGis.Data.Tests.Infrastructure;
using EnvGis.Data.Tiles;
using EnvGis.Data.Tiles.Cache;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnvGis.Data.Tests.Tiles;

/// <summary>The cache's memory and disk parts: bounded, exact invalidation, kept across restarts only when the change log proves them current.</summary>
[Collection("cluster")]
public sealed class TileCacheTests(ClusterFixture fixture)
{
    [Fact]
    public void The_memory_cache_stays_within_its_budget_and_drops_only_what_a_change_touches()
    {
        var memory = new MemoryTileCache(64 * 1024);
        for (var i = 0; i < 40; i++)
        {
            memory.Store(Entry("rivers", i, 0, stamp: 5, size: 4000));
        }

        Assert.True(memory.Bytes <= 64 * 1024, $"{memory.Bytes} bytes");
        Assert.True(memory.Count is > 5 and < 40);

        var kept = new MemoryTileCache(1 << 20);
        var near = Entry("rivers", 815, 451, stamp: 5);
        var far = Entry("rivers", 700, 300, stamp: 5);
        var newer = Entry("rivers", 815, 452, stamp: 9);
        var otherLayer = Entry("land", 815, 451, stamp: 5);
        foreach (var e in new[] { near, far, newer, otherLayer })
        {
            kept.Store(e);
        }

        var change = new LayerChange("rivers", 7, true, [], [106.6, 20.5, 107.2, 21.5], "update");
        Assert.Equal(1, kept.Invalidate(change, alsoScopedEntriesOfOtherLayers: false));
        Assert.False(kept.TryGet(near.Key, out _));
        Assert.True(kept.TryGet(far.Key, out _), "a tile the change does not touch stays");
        Assert.True(kept.TryGet(newer.Key, out _), "a tile read after the change stays");
        Assert.True(kept.TryGet(otherLayer.Key, out _), "another layer's tile stays");
    }

    [Fact]
    public async Task Disk_tiles_survive_a_restart_unless_a_later_change_touched_them()
    {
        var folder = Path.Combine(fixture.DataDirectory, "tile-cache-" + Guid.NewGuid().ToString("N")[..8]);
        var store = new ChangeLogStore(fixture.DataSource);
        var versions = new LayerVersions();
        versions.Replace((await store.ReadStateAsync(default)).Layers);
        var id = await store.DatabaseIdAsync(default);
        var stamp = versions.Seq("rivers");
        var inside = Entry("rivers", 815, 451, stamp);     // lon 106.52–106.88, lat 20.63–20.96
        var outside = Entry("rivers", 100, 100, stamp);
        await using (var disk = new DiskTileCache(folder, 10 << 20, versions, NullLogger.Instance))
        {
            await disk.VerifyAsync(id, store, default);
            disk.Store(inside);
            disk.Store(outside);
            await disk.FlushAsync();
            Assert.Equal(2, disk.Count);
        }

        // While "the server was down" a change touched one of them.
        await fixture.ScalarAsync<long>("SELECT tiles.record_change('rivers', NULL, ST_MakeEnvelope(106.6, 20.8, 106.61, 20.81, 4326))");
        versions.Replace((await store.ReadStateAsync(default)).Layers);
        await using (var disk = new DiskTileCache(folder, 10 << 20, versions, NullLogger.Instance))
        {
            await disk.VerifyAsync(id, store, default);
            Assert.False(disk.TryGet(inside.Key, out _));
            Assert.True(disk.TryGet(outside.Key, out var back));
            Assert.Equal(outside.Content.Raw, back.Content.Raw);
            Assert.Equal(outside.Content.ETag, back.Content.ETag);
            Assert.Equal(outside.Content.Brotli, back.Content.Brotli);
        }

        // A cache made from another database is not trusted at all.
        await using (var disk = new DiskTileCache(folder, 10 << 20, versions, NullLogger.Instance))
        {
            await disk.VerifyAsync(Guid.NewGuid().ToString(), store, default);
            Assert.Equal(0, disk.Count);
        }
    }

    [Fact]
    public async Task A_cache_folder_that_cannot_be_written_is_logged_once_and_tiles_are_served_without_it()
    {
        var blocker = Path.Combine(fixture.DataDirectory, "not-a-folder-" + Guid.NewGuid().ToString("N")[..8]);
        await File.WriteAllTextAsync(blocker, "a file where the cache folder should be");
        var log = new CountingLogger();
        var versions = new LayerVersions();
        await using var disk = new DiskTileCache(Path.Combine(blocker, "cache"), 10 << 20, versions, log);
        await disk.VerifyAsync("x", new ChangeLogStore(fixture.DataSource), default);
        for (var i = 0; i < 5; i++)
        {
            disk.Store(Entry("rivers", i, 1, stamp: 0));
        }

        await disk.FlushAsync();
        Assert.False(disk.Writable);
        Assert.Equal(0, disk.Count);
        Assert.False(disk.TryGet(Entry("rivers", 1, 1, 0).Key, out _));
        Assert.Equal(1, log.Warnings);
    }

    private static CachedEntry Entry(string layer, int x, int y, long stamp, int size = 600)
    {
        var tile = new TileCoordinate(10, x, y);
        var bytes = new byte[size];
        new Random(x * 31 + y).NextBytes(bytes.AsSpan(0, size / 2));
        return new CachedEntry(new TileCacheKey(layer, TileCacheKey.VectorVariant, tile.Z, tile.X, tile.Y, VisibilityKey.Public),
            TileContent.Create(bytes, compress: true), tile.LonLatBounds(0.03), stamp);
    }

    private sealed class CountingLogger : ILogger
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings++;
            }
        }
    }
}
