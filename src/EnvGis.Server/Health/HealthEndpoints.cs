using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace EnvGis.Server.Health;

/// <summary>/health/live (the process answers) and /health/ready (the database answers too).</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static void AddEnvGisHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
    }
}
