using EnvGis.Data.Replication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnvGis.Data.Changes;

/// <summary>
/// Keeps this node in step with the change log (docs/tiles.md "Invalidation"): LISTENs on the primary
/// for the triggers' NOTIFY, reads the new entries, moves the layer versions on and tells the
/// listeners (the tile cache). It also reads the log every few seconds, so nothing is missed, and from
/// where it stopped after a lost connection. While it is not connected and caught up it is not
/// <see cref="Healthy"/>: caches are bypassed, so nothing stale is served as fresh.
/// </summary>
public sealed class ChangeFeed(
    NpgsqlDataSource primary,
    ChangeLogStore store,
    LayerVersions versions,
    ReplicationPosition position,
    ChangeFeedState state,
    IEnumerable<ILayerChangeListener> listeners,
    ILogger<ChangeFeed> logger) : BackgroundService
{
    /// <summary>How often the log is read even without a notification.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>Log entries older than this are pruned (a node down longer drops its disk cache).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(14);

    private readonly ILayerChangeListener[] listeners = listeners.ToArray();
    private readonly SemaphoreSlim catchUp = new(1, 1);
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTime lastPrune = DateTime.MinValue;
    private long lastCatchUp;

    /// <summary>Connected to the primary and caught up with its change log.</summary>
    public bool Healthy => state.Healthy;

    /// <summary>Completes once the feed was connected and caught up for the first time.</summary>
    public Task Started => started.Task;

    /// <summary>
    /// Catches up unless that was done in the last 100 ms (e.g. a URL names a version this node does
    /// not know yet; whatever a client sends, the log is read at most ten times a second for it).
    /// </summary>
    public Task CatchUpSoonAsync(CancellationToken ct) =>
        Environment.TickCount64 - Interlocked.Read(ref lastCatchUp) < 100 ? Task.CompletedTask : CatchUpAsync(ct);

    /// <summary>
    /// After a write through this node committed: its change is applied here before the writer answers
    /// (the write stands whatever happens; if the log cannot be read now, the feed catches up later).
    /// </summary>
    public async Task AfterCommitAsync(CancellationToken ct)
    {
        if (!state.Healthy)
        {
            return;
        }

        try
        {
            await CatchUpAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            logger.LogInformation("Could not apply a committed change at once ({Message}); the feed catches up", e.Message);
        }
    }

    /// <summary>Reads and applies the entries this node has not applied yet.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await catchUp.WaitAsync(ct);
        try
        {
            Interlocked.Exchange(ref lastCatchUp, Environment.TickCount64);
            var (changes, lsn) = await store.ReadSinceAsync(versions.Applied(), ct);
            foreach (var change in changes)
            {
                if (change.Seq <= versions.Seq(change.Layer) && change.Reason != LayerChange.Dropped)
                {
                    continue;
                }

                versions.Apply(change);
                foreach (var listener in listeners)
                {
                    listener.OnChange(change);
                }
            }

            position.Advance(lsn);
        }
        finally
        {
            catchUp.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outage = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await primary.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeLogStore.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                await CatchUpAsync(stoppingToken);
                state.Healthy = true;
                started.TrySetResult();
                if (outage)
                {
                    logger.LogInformation("Tile change feed reconnected and caught up; caches are used again");
                    outage = false;
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    // Returns at a notification or after the interval: either way, read what is new.
                    await connection.WaitAsync(PollInterval, stoppingToken);
                    await CatchUpAsync(stoppingToken);
                    await PruneOccasionallyAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                state.Healthy = false;
                if (!outage)
                {
                    logger.LogWarning("Tile change feed lost the primary ({Message}); caches are bypassed until it is back", e.Message);
                    outage = true;
                }

                primary.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }

        state.Healthy = false;
    }

    private async Task PruneOccasionallyAsync(CancellationToken ct)
    {
        if (DateTime.UtcNow - lastPrune < TimeSpan.FromHours(1))
        {
            return;
        }

        lastPrune = DateTime.UtcNow;
        var pruned = await store.PruneAsync(Retention, ct);
        if (pruned > 0)
        {
            logger.LogInformation("Pruned {Count} tile change log entries older than {Days} days", pruned, Retention.TotalDays);
        }
    }
}
