using EnvGis.Data.Exchange;

namespace EnvGis.Server.OpenData;

/// <summary>
/// At start-up, before the server takes requests: publishes version 1 of every shared category list the
/// system already holds that has none yet (Article 5 categories, attribute value lists, communes, units).
/// </summary>
public sealed class CodeListSeeding(CodeListStore store, ILogger<CodeListSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var published = await store.DeriveMissingAsync(cancellationToken);
        if (published.Count > 0)
        {
            logger.LogInformation("Published version 1 of the code lists {Lists}", string.Join(", ", published));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
