using EnvGis.Core.Catalogue;
using EnvGis.Data.Catalogue;
using EnvGis.Data.Embedded;
using EnvGis.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EnvGis.Data.Tests.Infrastructure;

/// <summary>One throwaway embedded PostGIS cluster for this test assembly, migrated, without sample data.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "envgis-data-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public EmbeddedCluster Cluster { get; private set; } = null!;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public LayerCatalogue Catalogue { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await EmbeddedCluster.StartAsync(DataDirectory, NullLogger.Instance);
        await using (var migrations = DataSourceFactory.Create(Cluster.ConnectionString))
        {
            await new Migrator(migrations, NullLogger<Migrator>.Instance).MigrateAsync();
        }

        DataSource = DataSourceFactory.Create(Cluster.ConnectionString);
        Catalogue = await new CatalogueStore(DataSource).LoadAsync();
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.StopAsync();
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var p in parameters)
        {
            command.Parameters.AddWithValue(p);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}

[CollectionDefinition("cluster")]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>;
