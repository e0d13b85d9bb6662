using EnvGis.Data.Monitoring;
using EnvGis.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EnvGis.Server.Monitoring;

/// <summary>Continuous monitoring in the host: its stores, the delivery service, the drop folder and upkeep, and its endpoints (docs/monitoring.md).</summary>
public static class MonitoringServices
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services, EnvGisSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MonitoringCatalogueStore>();
        services.AddSingleton<MonitoringRulesStore>();
        services.AddSingleton<MonitoringStationStore>();
        services.AddSingleton<ObservationQueries>();
        services.AddSingleton<AqiStore>();
        services.AddSingleton<ExceedanceQueries>();
        services.AddSingleton<LimitStore>();
        services.AddSingleton<MonitoringMaintenance>();
        services.AddSingleton<DeliveryService>();
        services.AddSingleton(MonitoringFolders.In(settings.DataDirectory));
        services.AddHostedService<MonitoringInbox>();
        services.AddHostedService<MonitoringUpkeep>();
        services.AddSingleton<EnvGis.Ows.OgcApi.Extensions.IOgcApiExtension, MonitoringOgcApiExtension>();
        return services;
    }

    public static void MapMonitoring(this IEndpointRouteBuilder app)
    {
        app.MapMonitoringApi();
        app.MapMonitoringFilesApi();
        app.MapMonitoringAdminApi();
        app.MapMonitoringEdr();
    }
}
