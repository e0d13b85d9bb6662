using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnvGis.Server.Health;

/// <summary>/health/live (the process answers) and /health/ready (the database answers and the portal is built).</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static void AddEnvGisHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<PortalBundleHealthCheck>("portal", tags: [ReadyTag]);

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
    }

    /// <summary>The overall status, then one line per failing check saying why (nothing internal).</summary>
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var lines = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description}");
        return context.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())));
    }
}
