using EnvGis.Data;
using EnvGis.Data.Changes;
using EnvGis.Data.Layers;
using EnvGis.Data.Replication;
using EnvGis.Server.Health;
using Npgsql;

namespace EnvGis.Server.Hosting;

/// <summary>
/// Scale-out (docs/scale-out.md): where reads go (the primary, or caught-up standbys for public reads),
/// the change feed that keeps every node's versions and caches in step, and the one place that says
/// what version and extent of a layer a caller sees.
/// </summary>
public static class ReplicationServices
{
    public static IServiceCollection AddEnvGisReplication(this IServiceCollection services, EnvGisSettings settings)
    {
        services.AddSingleton<ReplicationPosition>();
        services.AddSingleton(sp => new DataSources(sp.GetRequiredService<NpgsqlDataSource>(),
            Standbys(settings.StandbyConnectionString), sp.GetRequiredService<ReplicationPosition>()));
        services.AddSingleton<StandbyMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<StandbyMonitor>());
        services.AddSingleton<ChangeLogStore>();
        services.AddSingleton<LayerVersions>();
        services.AddSingleton<ChangeFeedState>();
        services.AddSingleton<ChangeFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeed>());
        services.AddSingleton<LayerState>();
        services.AddHealthChecks()
            .AddCheck<ChangeFeedHealthCheck>("tile-changes", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<StandbyHealthCheck>("standbys", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>One data source per host of the standby connection string (host or host:port, comma-separated).</summary>
    private static IReadOnlyList<Standby> Standbys(string? connectionString)
    {
        if (connectionString is null)
        {
            return [];
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return (builder.Host ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(host =>
            {
                var one = new NpgsqlConnectionStringBuilder(connectionString) { Host = host };
                var name = host.Contains(':') ? host : $"{host}:{one.Port}";
                return new Standby(name, DataSourceFactory.Create(one.ConnectionString, "envgis-standby"));
            })
            .ToList();
    }
}
