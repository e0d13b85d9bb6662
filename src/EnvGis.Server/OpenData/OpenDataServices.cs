using EnvGis.Data.Exchange;
using EnvGis.Ows.Downloads;
using EnvGis.Server.Hosting;

namespace EnvGis.Server.OpenData;

/// <summary>
/// Open data and the exchange with the Ministry (docs/open-data.md): downloads and ISO metadata under
/// /ogcapi, CSW at /csw, the change feed, the bulk package and the shared category lists under /api/exchange — registered and mapped
/// by one call each from Program.cs.
/// </summary>
public static class OpenDataServices
{
    public static IServiceCollection AddOpenData(this IServiceCollection services, EnvGisSettings settings)
    {
        var temp = Path.Combine(settings.DataDirectory, "tmp", "downloads");
        // Whatever an earlier run left (a crash in the middle of a download) goes now.
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }

        services.AddOpenData(new DownloadOptions { TempDirectory = temp, PackageDirectory = Path.Combine(settings.DataDirectory, "exchange", "packages") });
        services.AddSingleton<ChangeFeedStore>();
        services.AddHostedService<CodeListSeeding>();
        services.AddHostedService<BulkPackageSchedule>();
        return services;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        OpenDataEndpoints.MapOpenData(app);
        app.MapExchangeApi();
        app.MapCodeListApi();
        app.MapBulkPackageApi();
        return app;
    }
}
