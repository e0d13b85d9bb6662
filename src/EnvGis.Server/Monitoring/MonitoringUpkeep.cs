using EnvGis.Data.Monitoring;

namespace EnvGis.Server.Monitoring;

/// <summary>Every minute: the silence flags (docs/monitoring.md "Data silence"); every hour: this and next month's partitions.</summary>
public sealed class MonitoringUpkeep(MonitoringMaintenance maintenance, TimeProvider clock, ILogger<MonitoringUpkeep> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPartitions = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                if (clock.GetUtcNow() - lastPartitions > TimeSpan.FromHours(1))
                {
                    await maintenance.EnsurePartitionsAsync(clock.GetUtcNow(), stoppingToken);
                    lastPartitions = clock.GetUtcNow();
                }

                await maintenance.FlagSilenceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Monitoring upkeep failed; it is tried again in a minute");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
