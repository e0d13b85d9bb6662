using EnvGis.Data.Changes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnvGis.Server.Health;

/// <summary>Degraded while the tile change feed has lost the primary: tiles are then served without the cache.</summary>
public sealed class ChangeFeedHealthCheck(ChangeFeed feed) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(feed.Healthy
            ? HealthCheckResult.Healthy("Caught up with the change log; tile caches in use.")
            : HealthCheckResult.Degraded("Not connected to the change log; tiles are served without the cache."));
}
