using EnvGis.Core.Catalogue;
using EnvGis.Data;
using EnvGis.Data.Catalogue;
using EnvGis.Data.Embedded;
using EnvGis.Data.Migrations;
using EnvGis.Data.SampleData;
using EnvGis.Server.Security;

namespace EnvGis.Server.Hosting;

/// <summary>
/// Gets the database ready before the server takes requests: the configured database, or else the
/// embedded cluster in the data folder; then migrations, the catalogue, and the sample data.
/// </summary>
public sealed record DatabaseBootstrap(string ConnectionString, EmbeddedCluster? Cluster, LayerCatalogue Catalogue)
{
    public static async Task<DatabaseBootstrap> RunAsync(EnvGisSettings settings, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<DatabaseBootstrap>();
        EmbeddedCluster? cluster = null;
        var connectionString = settings.ConnectionString;
        if (connectionString is null)
        {
            cluster = await EmbeddedCluster.StartAsync(settings.DataDirectory, logger, settings.PostgresBinDirectory);
            connectionString = cluster.ConnectionString;
        }
        else
        {
            logger.LogInformation("Using the configured database; no embedded cluster is started");
        }

        try
        {
            return new DatabaseBootstrap(connectionString, cluster, await PrepareAsync(connectionString, settings, loggers));
        }
        catch
        {
            // A server that cannot start must not leave its cluster running.
            if (cluster is not null)
            {
                await cluster.StopAsync();
            }

            throw;
        }
    }

    private static async Task<LayerCatalogue> PrepareAsync(string connectionString, EnvGisSettings settings, ILoggerFactory loggers)
    {
        await using (var migrationSource = DataSourceFactory.Create(connectionString, "envgis-bootstrap"))
        {
            await new Migrator(migrationSource, loggers.CreateLogger<Migrator>()).MigrateAsync();
        }

        // A fresh data source: the one above loaded its types before PostGIS existed.
        await using var dataSource = DataSourceFactory.Create(connectionString, "envgis-bootstrap");
        var catalogue = await new CatalogueStore(dataSource).LoadAsync();
        if (settings.LoadSampleData)
        {
            await new SampleDataLoader(dataSource, loggers.CreateLogger<SampleDataLoader>())
                .LoadIfEmptyAsync(settings.SampleDataDirectory, catalogue);
        }

        await AdministratorAccount.EnsureAsync(dataSource, settings, loggers);
        return catalogue;
    }
}
