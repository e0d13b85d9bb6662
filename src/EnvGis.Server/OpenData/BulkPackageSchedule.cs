using EnvGis.Ows.Downloads;
using EnvGis.Server.Hosting;

namespace EnvGis.Server.OpenData;

/// <summary>
/// Builds the bulk package on a schedule (docs/open-data.md "Bulk package"): at start when there is none,
/// then every <c>ENVGIS_PACKAGE_HOURS</c> hours (default 24; 0 turns the schedule off). A failed build is
/// logged and tried again at the next tick; the previous package stays available.
/// </summary>
public sealed class BulkPackageSchedule(BulkPackageBuilder builder, CatalogueProvider catalogues, EnvGisSettings settings, IConfiguration configuration,
    ILogger<BulkPackageSchedule> logger) : BackgroundService
{
    public const string HoursSetting = "ENVGIS_PACKAGE_HOURS";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = double.TryParse(configuration[HoursSetting], System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : 24;
        if (hours <= 0)
        {
            return;
        }

        if (builder.Latest() is null)
        {
            await BuildAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours));
        while (await NextTickAsync(timer, stoppingToken))
        {
            await BuildAsync(stoppingToken);
        }
    }

    /// <summary>False when the server stops, also when it stops before it started (no exception for the host to report).</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken ct)
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

    private async Task BuildAsync(CancellationToken ct)
    {
        try
        {
            // Links in the metadata use the public URL when one is configured, else the first listening URL.
            var baseUrl = settings.PublicUrl
                          ?? (configuration["urls"] ?? configuration["ENVGIS_URLS"] ?? EnvGisSettings.DefaultUrls).Split(';')[0].TrimEnd('/');
            var package = await builder.BuildAsync(catalogues.Current, baseUrl, ct);
            logger.LogInformation("Built the bulk package {File} ({Bytes} bytes)", package.FileName, package.Bytes);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The server is stopping: the next start builds it again.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Building the bulk package failed; the previous one stays available");
        }
    }
}
