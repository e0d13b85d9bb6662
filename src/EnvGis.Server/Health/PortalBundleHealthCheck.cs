using System.Text.RegularExpressions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnvGis.Server.Health;

/// <summary>
/// Ready only when the map portal can be served at <c>/</c>: <c>index.html</c> and every local script
/// and stylesheet it names are in wwwroot (built by <c>npm run build</c> in src/EnvGis.Portal, which
/// ./scripts/run.sh does). Hashed bundle names are followed, since the names come from index.html.
/// </summary>
public sealed partial class PortalBundleHealthCheck(IWebHostEnvironment environment) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = Missing(environment);
        return Task.FromResult(missing.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(Explain(missing)));
    }

    /// <summary>The files of the portal that are not there.</summary>
    public static IReadOnlyList<string> Missing(IWebHostEnvironment environment)
    {
        var files = environment.WebRootFileProvider;
        var index = files.GetFileInfo("index.html");
        if (!index.Exists)
        {
            return ["index.html"];
        }

        using var reader = new StreamReader(index.CreateReadStream());
        return LocalAsset().Matches(reader.ReadToEnd())
            .Select(m => m.Groups["path"].Value)
            .Where(path => !files.GetFileInfo(path).Exists)
            .ToList();
    }

    public static string Explain(IReadOnlyList<string> missing) =>
        $"The map portal is not built ({string.Join(", ", missing)} missing from wwwroot): run 'npm ci && npm run build' in src/EnvGis.Portal, as ./scripts/run.sh does.";

    // <script src="…"> and <link rel="stylesheet" href="…"> with a relative path.
    [GeneratedRegex("""<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="(?!https?:|//|data:)/?(?<path>[^"?#]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex LocalAsset();
}
