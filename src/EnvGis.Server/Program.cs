using EnvGis.Data;
using EnvGis.Ows;
using EnvGis.Ows.OgcApi;
using EnvGis.Ows.Wms;
using EnvGis.Ows.Wmts;
using EnvGis.Server.Api;
using EnvGis.Server.Compliance;
using EnvGis.Server.Health;
using EnvGis.Server.Hosting;
using EnvGis.Server.Monitoring;
using EnvGis.Server.OpenData;
using EnvGis.Server.Notices;
using EnvGis.Server.Reports;
using EnvGis.Server.Security;
using EnvGis.Server.Statistics;
using EnvGis.Server.Styles;
using EnvGis.Server.Tiles;

// A failure before the server takes requests is one line on the console and exit code 1 (docs/hardening.md).
try
{
    var builder = WebApplication.CreateBuilder(args);
    StartupFailure.QuietenHostUntilStarted(builder);
    var settings = EnvGisSettings.From(builder.Configuration).Validate();
    if (builder.Configuration["urls"] is null)
    {
        builder.WebHost.UseUrls(builder.Configuration["ENVGIS_URLS"] ?? EnvGisSettings.DefaultUrls);
    }

    builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024);

    // The database first: the embedded cluster (or the configured one), migrations, catalogue, sample data.
    using var bootstrapLoggers = LoggerFactory.Create(logging => logging.AddConsole());
    var database = await DatabaseBootstrap.RunAsync(settings, bootstrapLoggers);

    builder.Services.AddSingleton(settings);
    if (settings.PublicUrl is not null)
    {
        builder.Services.AddSingleton(new EnvGis.Ows.Dispatch.PublicBaseUrl(settings.PublicUrl));
    }
    builder.Services.AddSingleton(database);
    builder.Services.AddSingleton(_ => DataSourceFactory.Create(database.ConnectionString));
    builder.Services.AddEnvGisCatalogue(database.Catalogue);
    builder.Services.AddEnvGisReplication(settings);
    builder.Services.AddEnvGisTiles(settings);
    builder.Services.AddEnvGisCompression();
    builder.Services.AddSingleton(StyleLibrary.Load(settings.StylesDirectory, database.Catalogue, bootstrapLoggers.CreateLogger<StyleLibrary>()));
    builder.Services.AddEnvGisHealthChecks();
    builder.Services.AddEnvGisSecurity(settings);
    builder.Services.AddMonitoring(settings);
    builder.Services.AddReportsArea(builder.Configuration, settings);
    builder.Services.AddOws(sp => sp.GetRequiredService<CatalogueProvider>().Current, CallerScope.GetReadScope, CallerScope.GetOgcWriteScope);
    builder.Services.AddWms(sp => sp.GetRequiredService<StyleLibrary>().Find);
    builder.Services.AddWmts();
    builder.Services.AddOgcApi();
    builder.Services.AddOpenData(settings);
    builder.Services.AddProblemDetails();
    builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
    builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new() { Timeout = TimeSpan.FromSeconds(60) });
    builder.Services.AddEnvGisOpenApi();
    builder.Services.ConfigureHttpJsonOptions(options =>
        options.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);
    var proxies = TrustedProxies.Parse(settings.TrustedProxies);
    builder.Services.AddTrustedProxies(proxies);

    var app = builder.Build();
    if (database.Cluster is { } cluster)
    {
        app.Lifetime.ApplicationStopped.Register(() => cluster.StopAsync().GetAwaiter().GetResult());
    }

    app.UseTrustedProxies(proxies);
    app.UseEnvGisCompression();
    app.UseCallerCaching();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseOriginCheck();
    app.UseRequestTimeouts();
    app.UsePortalStaticFiles(settings);
    app.UseTextInputCheck();
    app.UseEnvGisSecurity();

    app.MapOpenApi();
    app.MapHealth();
    app.MapTiles();
    app.MapLayerApi();
    app.MapPortalApi();
    app.MapAccountsApi();
    app.MapAdminApi();
    app.MapCatalogueAdminApi();
    app.MapRecordsApi();
    app.MapAttachmentsApi();
    app.MapSearchApi();
    app.MapMonitoring();
    app.MapComplianceApi();
    app.MapNoticesApi();
    app.MapStatisticsApi();
    app.MapReportTypesApi();
    app.MapReportsApi();
    app.MapOws();
    app.MapOgcApi();
    app.MapOpenData();

    WarnWhenThePortalIsMissing(app);
    app.Lifetime.ApplicationStarted.Register(StartupFailure.MarkStarted);
    try
    {
        await app.RunAsync();
    }
    finally
    {
        // Also when the server could not start (e.g. its address was in use): no cluster is left behind.
        await (database.Cluster?.StopAsync() ?? Task.CompletedTask);
    }

    return 0;
}
catch (Exception e) when (StartupFailure.IsReportable(e))
{
    await Console.Error.WriteLineAsync(StartupFailure.Describe(e));
    return 1;
}

static void WarnWhenThePortalIsMissing(WebApplication app)
{
    if (PortalBundleHealthCheck.Missing(app.Environment) is { Count: > 0 } missing)
    {
        app.Logger.LogWarning("{Problem} Until then /health/ready answers 503.", PortalBundleHealthCheck.Explain(missing));
    }
}


/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
