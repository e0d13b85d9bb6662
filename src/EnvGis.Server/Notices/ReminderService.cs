namespace EnvGis.Server.Notices;

/// <summary>Runs the reminder planner at start-up and then every <see cref="NoticeSettings.Every"/>.</summary>
public sealed class ReminderService(ReminderRunner runner, NoticeSettings settings, TimeProvider clock, ILogger<ReminderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Every);
        do
        {
            try
            {
                var run = await runner.RunAsync(clock.GetUtcNow(), stoppingToken);
                if (run.Added > 0 || run.Sent > 0)
                {
                    logger.LogInformation("Reminders: {Added} added, {Sent} e-mailed", run.Added, run.Sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The reminder run failed; it is tried again in {Minutes} minutes", settings.Every.TotalMinutes);
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
