using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using EnvGis.Data.Changes;
using Microsoft.Extensions.Logging;

namespace EnvGis.Data.Tiles.Cache;

/// <summary>
/// Public tiles in files under a folder, at most <c>budget</c> bytes (least recently used go first),
/// kept across restarts: each file holds its key, box and stamp, and at start every file is checked
/// against the change log before it is served (<see cref="VerifyAsync"/>). Files are written and
/// deleted in the background; a folder that is full or not writable is logged once and the tiles are
/// served without it.
/// </summary>
public sealed class DiskTileCache : IAsyncDisposable
{
    private static readonly byte[] Magic = "EGT1"u8.ToArray();
    private const string IdentityFile = "database-id";

    private readonly string root;
    private readonly long budget;
    private readonly LayerVersions versions;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<TileCacheKey, DiskEntry> index = new();
    private readonly Channel<Func<Task>> work = Channel.CreateBounded<Func<Task>>(
        new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Task worker;
    private readonly Lock evicting = new();
    private long bytes;
    private long failedUntil;
    private int failureLogged;

    public DiskTileCache(string root, long budget, LayerVersions versions, ILogger logger)
    {
        this.root = Path.GetFullPath(root);
        this.budget = budget;
        this.versions = versions;
        this.logger = logger;
        worker = Task.Run(WorkAsync);
    }

    public long Bytes => Interlocked.Read(ref bytes);

    public int Count => index.Count;

    /// <summary>False while the folder failed (full, not writable); retried after a minute.</summary>
    public bool Writable => Environment.TickCount64 >= Interlocked.Read(ref failedUntil);

    /// <summary>
    /// Reads the files left by an earlier run (a cache made from another database is wiped) and keeps
    /// those the change log proves current: stamp not ahead of the layer, no later change touching
    /// them, and the log still reaching back to their stamp.
    /// </summary>
    public async Task VerifyAsync(string databaseId, ChangeLogStore store, CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(root);
            var identity = Path.Combine(root, IdentityFile);
            if (!File.Exists(identity) || (await File.ReadAllTextAsync(identity, ct)).Trim() != databaseId)
            {
                WipeFiles();
                await File.WriteAllTextAsync(identity, databaseId, ct);
            }

            var found = new List<DiskEntry>();
            foreach (var file in Directory.EnumerateFiles(root, "*.tile", SearchOption.AllDirectories))
            {
                if (ReadHeader(file) is { } entry)
                {
                    found.Add(entry);
                }
                else
                {
                    TryDelete(file);
                }
            }

            var since = found.GroupBy(e => e.Key.Layer).ToDictionary(g => g.Key, g => g.Min(e => e.Stamp), StringComparer.Ordinal);
            var (changes, _) = since.Count == 0 ? ([], "") : await store.ReadSinceAsync(since, ct);
            var oldest = since.Count == 0 ? new Dictionary<string, long>() : await store.OldestAsync(ct);
            var byLayer = changes.GroupBy(c => c.Layer).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var kept = 0;
            foreach (var entry in found)
            {
                if (index.ContainsKey(entry.Key))
                {
                    continue;   // written by this run meanwhile
                }

                var layerChanges = byLayer.GetValueOrDefault(entry.Key.Layer) ?? [];
                var current = entry.Stamp <= versions.Seq(entry.Key.Layer)
                              && (!oldest.TryGetValue(entry.Key.Layer, out var first) || entry.Stamp >= first - 1 || layerChanges.Count == 0)
                              && !layerChanges.Any(c => c.Seq > entry.Stamp && c.Touches(entry.Bounds));
                if (current && index.TryAdd(entry.Key, entry))
                {
                    Interlocked.Add(ref bytes, entry.Size);
                    kept++;
                }
                else
                {
                    TryDelete(entry.Path);
                }
            }

            logger.LogInformation("Tile disk cache in {Folder}: kept {Kept} of {Found} tiles from the last run", root, kept, found.Count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(e);
        }
    }

    public bool TryGet(TileCacheKey key, out CachedEntry entry)
    {
        entry = null!;
        if (!index.TryGetValue(key, out var disk))
        {
            return false;
        }

        try
        {
            var content = ReadContent(disk.Path);
            if (content is null)
            {
                Forget(key, disk);
                return false;
            }

            disk.Touch();
            entry = new CachedEntry(key, content, disk.Bounds, disk.Stamp);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Forget(key, disk);
            return false;
        }
    }

    public void Store(CachedEntry entry)
    {
        if (!entry.Key.IsPublic || !Writable || entry.Content.Size > budget / 4)
        {
            return;
        }

        var path = PathOf(entry.Key);
        work.Writer.TryWrite(async () =>
        {
            var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(temp, Serialize(entry));
                File.Move(temp, path, overwrite: true);
                var disk = new DiskEntry(entry.Key, entry.Bounds, entry.Stamp, new FileInfo(path).Length, path);
                if (index.TryGetValue(entry.Key, out var old))
                {
                    Interlocked.Add(ref bytes, -old.Size);
                }

                index[entry.Key] = disk;
                Interlocked.Add(ref bytes, disk.Size);
                // A change that came in while the tile was queued found nothing to remove: check again.
                if (versions.Seq(entry.Key.Layer) != entry.Stamp)
                {
                    Forget(entry.Key, disk);
                    return;
                }

                Interlocked.Exchange(ref failureLogged, 0);
                if (Bytes > budget)
                {
                    Evict();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(temp);
                Fail(e);
            }
        });
    }

    /// <summary>Forgets (and deletes in the background) the entries the change touches that are older than it.</summary>
    public int Invalidate(LayerChange change)
    {
        var removed = 0;
        foreach (var (key, entry) in index)
        {
            if (key.Layer == change.Layer && entry.Stamp < change.Seq && change.Touches(entry.Bounds))
            {
                Forget(key, entry);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Waits until the files queued so far are written or deleted (tests).</summary>
    public async Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!work.Writer.TryWrite(() => { done.SetResult(); return Task.CompletedTask; }))
        {
            return;
        }

        await done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        work.Writer.TryComplete();
        await worker;
    }

    private void Forget(TileCacheKey key, DiskEntry entry)
    {
        if (index.TryRemove(new KeyValuePair<TileCacheKey, DiskEntry>(key, entry)))
        {
            Interlocked.Add(ref bytes, -entry.Size);
            work.Writer.TryWrite(() =>
            {
                if (!index.ContainsKey(key))
                {
                    TryDelete(entry.Path);
                }

                return Task.CompletedTask;
            });
        }
    }

    private void Evict()
    {
        lock (evicting)
        {
            foreach (var entry in index.Values.OrderBy(e => e.LastUse).ToList())
            {
                if (Bytes <= budget * 9 / 10)
                {
                    break;
                }

                Forget(entry.Key, entry);
            }
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var job in work.Reader.ReadAllAsync())
        {
            try
            {
                await job();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail(e);
            }
        }
    }

    private void Fail(Exception e)
    {
        Interlocked.Exchange(ref failedUntil, Environment.TickCount64 + 60_000);
        if (Interlocked.Exchange(ref failureLogged, 1) == 0)
        {
            logger.LogWarning("The tile disk cache in {Folder} cannot be used ({Message}); tiles are served without it", root, e.Message);
        }
    }

    private string PathOf(TileCacheKey key)
    {
        var kind = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.Variant + "\n" + key.Visibility)), 0, 8);
        return Path.Combine(root, key.Layer, kind, key.Z.ToString(), key.X.ToString(), key.Y + ".tile");
    }

    private void WipeFiles()
    {
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next start to find and check.
        }
    }

    private sealed record Header(string Layer, string Variant, int Z, long X, long Y, string Visibility, long Stamp, double[] Bounds, string ETag);

    private static byte[] Serialize(CachedEntry entry)
    {
        var key = entry.Key;
        var header = JsonSerializer.SerializeToUtf8Bytes(
            new Header(key.Layer, key.Variant, key.Z, key.X, key.Y, key.Visibility, entry.Stamp, entry.Bounds, entry.Content.ETag));
        using var output = new MemoryStream();
        output.Write(Magic);
        WriteBlock(output, header);
        WriteBlock(output, entry.Content.Raw);
        WriteBlock(output, entry.Content.Gzip ?? []);
        WriteBlock(output, entry.Content.Brotli ?? []);
        return output.ToArray();
    }

    private static void WriteBlock(Stream output, byte[] block)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, block.Length);
        output.Write(length);
        output.Write(block);
    }

    private static DiskEntry? ReadHeader(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> start = stackalloc byte[8];
            if (file.Read(start) != 8 || !start[..4].SequenceEqual(Magic))
            {
                return null;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(start[4..]);
            if (length is <= 0 or > 64 * 1024)
            {
                return null;
            }

            var json = new byte[length];
            file.ReadExactly(json);
            var h = JsonSerializer.Deserialize<Header>(json);
            return h is null || h.Bounds is not { Length: 4 }
                ? null
                : new DiskEntry(new TileCacheKey(h.Layer, h.Variant, h.Z, h.X, h.Y, h.Visibility), h.Bounds, h.Stamp, file.Length, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or EndOfStreamException)
        {
            return null;
        }
    }

    private static TileContent? ReadContent(string path)
    {
        var data = File.ReadAllBytes(path);
        if (data.Length < 8 || !data.AsSpan(0, 4).SequenceEqual(Magic))
        {
            return null;
        }

        var at = 4;
        byte[]? Block()
        {
            if (at + 4 > data.Length)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));
            at += 4;
            if (length < 0 || at + length > data.Length)
            {
                return null;
            }

            var block = data.AsSpan(at, length).ToArray();
            at += length;
            return block;
        }

        var header = Block();
        var raw = Block();
        var gzip = Block();
        var brotli = Block();
        if (header is null || raw is null || gzip is null || brotli is null)
        {
            return null;
        }

        var etag = JsonSerializer.Deserialize<Header>(header)?.ETag;
        return etag is null ? null : new TileContent(raw, etag, gzip.Length > 0 ? gzip : null, brotli.Length > 0 ? brotli : null);
    }

    private sealed class DiskEntry(TileCacheKey key, double[] bounds, long stamp, long size, string path)
    {
        private long lastUse = Environment.TickCount64;

        public TileCacheKey Key { get; } = key;

        public double[] Bounds { get; } = bounds;

        public long Stamp { get; } = stamp;

        public long Size { get; } = size;

        public string Path { get; } = path;

        public long LastUse => Volatile.Read(ref lastUse);

        public void Touch() => Volatile.Write(ref lastUse, Environment.TickCount64);
    }
}
