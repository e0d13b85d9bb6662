using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace EnvGis.Data.Replication;

/// <summary>
/// Asks every standby a few times a second whether it is up, still a standby, and how far it has
/// replayed; <see cref="DataSources"/> routes public reads by the answers and readiness reports them.
/// </summary>
public sealed class StandbyMonitor(DataSources sources, ILogger<StandbyMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Checks every standby now.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        foreach (var standby in sources.Standbys)
        {
            var before = standby.Status;
            var now = await ProbeAsync(standby, ct);
            standby.Report(now);
            if (before.Usable != now.Usable)
            {
                if (now.Usable)
                {
                    logger.LogInformation("Standby {Standby} serves public reads again", standby.Name);
                }
                else
                {
                    logger.LogWarning("Standby {Standby} is not usable ({Problem}); public reads go to the primary", standby.Name, now.Problem);
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (sources.Standbys.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await CheckAsync(stoppingToken);
            await Task.Delay(Interval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    private static async Task<StandbyStatus> ProbeAsync(Standby standby, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await using var command = standby.DataSource.CreateCommand(
                "SELECT pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn(), '0/0')::text");
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            await reader.ReadAsync(timeout.Token);
            var recovering = reader.GetBoolean(0);
            return new StandbyStatus(true, recovering, NpgsqlLogSequenceNumber.Parse(reader.GetString(1)),
                recovering ? null : "it is not in recovery (promoted?)");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or IOException)
        {
            if (!ct.IsCancellationRequested)
            {
                standby.DataSource.Clear();
            }

            return new StandbyStatus(false, false, default, "unreachable");
        }
    }
}
