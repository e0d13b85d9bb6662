using EnvGis.Data;
using EnvGis.Data.Tiles;
using EnvGis.Ows;
using EnvGis.Ows.OgcApi;
using EnvGis.Ows.Wms;
using EnvGis.Server.Api;
using EnvGis.Server.Health;
using EnvGis.Server.Hosting;
using EnvGis.Server.Monitoring;
using EnvGis.Server.OpenData;
using EnvGis.Server.Security;
using EnvGis.Server.Styles;
using EnvGis.Server.Tiles;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);
var settings = EnvGisSettings.From(builder.Configuration);
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
builder.Services.AddSingleton(new CatalogueProvider(database.Catalogue));
builder.Services.AddSingleton<TileStore>();
builder.Services.AddSingleton(StyleLibrary.Load(settings.StylesDirectory, database.Catalogue, bootstrapLoggers.CreateLogger<StyleLibrary>()));
builder.Services.AddEnvGisHealthChecks();
builder.Services.AddEnvGisSecurity(settings);
builder.Services.AddMonitoring(settings);
builder.Services.AddOws(sp => sp.GetRequiredService<CatalogueProvider>().Current, CallerScope.GetReadScope, CallerScope.GetOgcWriteScope);
builder.Services.AddWms(sp => sp.GetRequiredService<StyleLibrary>().Find);
builder.Services.AddOgcApi();
builder.Services.AddOpenData(settings);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new() { Timeout = TimeSpan.FromSeconds(60) });
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);

var app = builder.Build();
if (database.Cluster is { } cluster)
{
    app.Lifetime.ApplicationStopped.Register(() => cluster.StopAsync().GetAwaiter().GetResult());
}

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestTimeouts();
app.UsePortalStaticFiles();
app.UseEnvGisSecurity();

app.MapOpenApi();
app.MapHealth();
app.MapTiles();
app.MapLayerApi();
app.MapPortalApi();
app.MapAccountsApi();
app.MapAdminApi();
app.MapRecordsApi();
app.MapAttachmentsApi();
app.MapSearchApi();
app.MapMonitoring();
app.MapOws();
app.MapOgcApi();
app.MapOpenData();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
