using EnvGis.Data.Replication;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnvGis.Server.Health;

/// <summary>
/// Where public reads go: the standbys that are up and caught up, or the primary. A standby that is
/// down leaves the node ready (the primary serves) but degraded, and says which.
/// </summary>
public sealed class StandbyHealthCheck(DataSources sources) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (sources.Standbys.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No standby configured; reads go to the primary."));
        }

        var data = sources.Standbys.ToDictionary(s => s.Name, s => (object)(s.Status.Usable ? "streaming" : s.Status.Problem ?? "unusable"));
        var down = sources.Standbys.Where(s => !s.Status.Usable).Select(s => s.Name).ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy("Public reads go to the standbys.", data)
            : HealthCheckResult.Degraded(
                down.Count == sources.Standbys.Count
                    ? $"No standby is usable ({string.Join(", ", down)}); reads go to the primary."
                    : $"Standby {string.Join(", ", down)} is not usable; public reads go to the others.",
                data: data));
    }
}
