using System.Net;
using EnvGis.Data.Embedded;
using EnvGis.Server.Hosting;
using EnvGis.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EnvGis.Server.Tests.Hosting;

/// <summary>
/// EnvGis given a connection string: it uses that database, starts no cluster, loads the sample data
/// once however often it starts, and keeps answering (with clear errors) while the database is down.
/// </summary>
public sealed class ExternalDatabaseTests : IAsyncLifetime
{
    private readonly string databaseDirectory = Path.Combine(Path.GetTempPath(), "envgis-external-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string serverDataDirectory = Path.Combine(Path.GetTempPath(), "envgis-unused-" + Guid.NewGuid().ToString("N")[..8]);
    private EmbeddedCluster database = null!;

    public async Task InitializeAsync() => database = await EmbeddedCluster.StartAsync(databaseDirectory, NullLogger.Instance);

    public async Task DisposeAsync()
    {
        await database.StopAsync();
        Directory.Delete(databaseDirectory, recursive: true);
    }

    [Fact]
    public async Task Uses_the_configured_database_loads_samples_once_and_survives_an_outage()
    {
        long firstCount;
        await using (var first = new Factory(database.ConnectionString, serverDataDirectory))
        {
            var client = first.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Null(first.Services.GetRequiredService<DatabaseBootstrap>().Cluster);
            firstCount = await CountRecordsAsync();
            Assert.True(firstCount > 100);
        }

        Assert.False(Directory.Exists(Path.Combine(serverDataDirectory, "postgres")), "no embedded cluster may be created");

        await using var second = new Factory(database.ConnectionString, serverDataDirectory);
        var http = second.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(firstCount, await CountRecordsAsync());

        NpgsqlConnection.ClearAllPools();
        await database.StopAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        var tile = await http.GetAsync("/tiles/protected_areas/10/816/451.mvt");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, tile.StatusCode);
        Assert.Equal("application/problem+json", tile.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Npgsql", await tile.Content.ReadAsStringAsync());

        // The catalogue is in memory: the layer list still answers.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/layers")).StatusCode);
        database = await EmbeddedCluster.StartAsync(databaseDirectory, NullLogger.Instance);
    }

    private async Task<long> CountRecordsAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM data.protected_areas) + (SELECT count(*) FROM data.communes) + (SELECT count(*) FROM envgis.units)",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class Factory(string connectionString, string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:EnvGis", connectionString);
            builder.UseSetting("ENVGIS_DATA_DIR", dataDirectory);
            builder.UseEnvironment("Testing");
        }
    }
}
