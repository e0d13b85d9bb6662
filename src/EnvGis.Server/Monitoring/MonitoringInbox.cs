using System.Text;
using EnvGis.Data.Monitoring;

namespace EnvGis.Server.Monitoring;

/// <summary>
/// Watches the FTP drop folder (docs/monitoring.md "FTP drop folder"): files anywhere under
/// <c>inbox/</c> (flat, per-station folders, <c>YYYY/MM/DD/</c>) are loaded like uploads, then moved to
/// <c>processed/</c> or to <c>rejected/</c> with a <c>.reason.txt</c> beside them, keeping their relative path.
/// A file is taken only once it is complete: hidden files (an FTP server's temporary upload names such
/// as pure-ftpd's <c>.pureftpd-upload.*</c>) are skipped, and a file must keep the same size and time over
/// two looks at least <see cref="StableFor"/> apart. A FileSystemWatcher wakes the scan; a periodic scan
/// catches what the watcher misses.
/// </summary>
public sealed class MonitoringInbox(MonitoringFolders folders, DeliveryService deliveries, ILogger<MonitoringInbox> logger) : BackgroundService
{
    public static readonly TimeSpan StableFor = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ScanEvery = TimeSpan.FromSeconds(30);

    /// <summary>At most this many files, and bytes, are loaded in one transaction.</summary>
    public const int BatchFiles = 50;

    public const long BatchBytes = 64L * 1024 * 1024;

    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly Dictionary<string, (long Size, DateTime Modified, DateTime SeenAt)> seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        folders.Create();
        using var watcher = new FileSystemWatcher(folders.Inbox) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        watcher.Created += (_, _) => Wake();
        watcher.Changed += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        while (!stoppingToken.IsCancellationRequested)
        {
            var waiting = false;
            try
            {
                waiting = await ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The monitoring drop folder scan failed; it is tried again");
                waiting = true;
            }

            try
            {
                // A file not yet stable is looked at again soon; otherwise wait for the watcher or the periodic scan.
                await wake.WaitAsync(waiting ? StableFor : ScanEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    /// <summary>Processes every stable file; true when some file is still waiting to become stable.</summary>
    private async Task<bool> ScanAsync(CancellationToken ct)
    {
        var waiting = false;
        var present = new HashSet<string>(StringComparer.Ordinal);
        var stable = new List<(string Path, string Relative, long Size)>();
        foreach (var path in Directory.EnumerateFiles(folders.Inbox, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(folders.Inbox, path);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            {
                continue;
            }

            present.Add(path);
            var info = new FileInfo(path);
            var now = DateTime.UtcNow;
            if (!seen.TryGetValue(path, out var before) || before.Size != info.Length || before.Modified != info.LastWriteTimeUtc)
            {
                seen[path] = (info.Length, info.LastWriteTimeUtc, now);
                waiting = true;
                continue;
            }

            if (now - before.SeenAt < StableFor || now - info.LastWriteTimeUtc < StableFor)
            {
                waiting = true;
                continue;
            }

            seen.Remove(path);
            stable.Add((path, relative, info.Length));
        }

        // Stable files are loaded together, a bounded batch per transaction (docs/monitoring.md "The FTP drop folder").
        foreach (var batch in Batches(stable))
        {
            await ProcessAsync(batch, ct);
        }

        foreach (var gone in seen.Keys.Where(k => !present.Contains(k)).ToList())
        {
            seen.Remove(gone);
        }

        return waiting;
    }

    /// <summary>Batches of at most <see cref="BatchFiles"/> files and <see cref="BatchBytes"/> bytes, in scan order.</summary>
    private static IEnumerable<List<(string Path, string Relative, long Size)>> Batches(List<(string Path, string Relative, long Size)> files)
    {
        var batch = new List<(string, string, long)>();
        long bytes = 0;
        foreach (var file in files)
        {
            var size = Math.Min(file.Size, DeliveryLimits.MaxFileBytes);
            if (batch.Count > 0 && (batch.Count == BatchFiles || bytes + size > BatchBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(file);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task ProcessAsync(List<(string Path, string Relative, long Size)> batch, CancellationToken ct)
    {
        var readable = new List<(string Path, string Relative, DeliveryFile File)>();
        foreach (var (path, relative, size) in batch)
        {
            if (size > DeliveryLimits.MaxFileBytes)
            {
                await MoveAsync(path, relative, await deliveries.RejectTooLargeAsync(Path.GetFileName(path), size, DeliveryActor.DropFolder, ct), ct);
                continue;
            }

            var folderNames = Path.GetDirectoryName(relative) is { Length: > 0 } dir ? dir.Split(Path.DirectorySeparatorChar) : [];
            readable.Add((path, relative, new DeliveryFile(Path.GetFileName(path), folderNames, await File.ReadAllBytesAsync(path, ct))));
        }

        var results = await deliveries.ProcessAsync(readable.Select(r => r.File).ToList(), DeliveryActor.DropFolder, ct);
        for (var i = 0; i < readable.Count; i++)
        {
            await MoveAsync(readable[i].Path, readable[i].Relative, results[i], ct);
        }
    }

    /// <summary>Moves a processed file to processed/ or rejected/ (with its reasons), keeping its relative path.</summary>
    private async Task MoveAsync(string path, string relative, DeliveryResult result, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        var target = Path.Combine(result.IsLoaded ? folders.Processed : folders.Rejected, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            target = Path.Combine(Path.GetDirectoryName(target)!, $"{Path.GetFileNameWithoutExtension(target)}.{DateTime.UtcNow:yyyyMMddHHmmssfff}{Path.GetExtension(target)}");
        }

        File.Move(path, target);
        if (!result.IsLoaded)
        {
            var reason = new StringBuilder($"{name}: rejected (delivery {result.DeliveryId}); nothing of it was stored.\n");
            foreach (var p in result.Problems)
            {
                reason.Append(p.Line > 0 ? $"line {p.Line}" : "file").Append($"\t{p.Code}\t{p.Message}").Append(p.Entry is { } e && e != name ? $"\t{e}" : "").Append('\n');
            }

            if (result.ProblemCount > result.Problems.Count)
            {
                reason.Append($"… and {result.ProblemCount - result.Problems.Count} more problems.\n");
            }

            await File.WriteAllTextAsync(target + ".reason.txt", reason.ToString(), new UTF8Encoding(false), ct);
            logger.LogWarning("Drop folder file {File} rejected: {Reason}", relative, result.Problems.FirstOrDefault()?.Message);
        }
        else
        {
            logger.LogInformation("Drop folder file {File} loaded: {Stored} readings", relative, result.Stored);
        }
    }
}
