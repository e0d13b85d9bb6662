using EnvGis.Data.Embedded;
using EnvGis.Data.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EnvGis.Data.Tests.Embedded;

[Collection("cluster")]
public sealed class EmbeddedClusterTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_cluster_runs_PostGIS_and_listens_on_loopback_only()
    {
        var version = await fixture.ScalarAsync<string>("SELECT postgis_lib_version()");
        Assert.StartsWith("3.", version);
        var listen = await fixture.ScalarAsync<string>("SHOW listen_addresses");
        Assert.Equal("127.0.0.1", listen);
        Assert.Equal("127.0.0.1", new NpgsqlConnectionStringBuilder(fixture.Cluster.ConnectionString).Host);
    }

    [Fact]
    public async Task The_cluster_takes_a_full_connection_pool_and_more_at_once()
    {
        // The server's pool may hold Npgsql's default 100 under load; the change feed and tools connect too.
        var unpooled = new NpgsqlConnectionStringBuilder(fixture.Cluster.ConnectionString) { Pooling = false }.ConnectionString;
        var defaultPool = new NpgsqlConnectionStringBuilder().MaxPoolSize;
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < defaultPool + 10; i++)
            {
                var connection = new NpgsqlConnection(unpooled);
                connections.Add(connection);
                await connection.OpenAsync();
            }

            Assert.Equal(EmbeddedCluster.MaxConnections, await fixture.ScalarAsync<int>("SELECT current_setting('max_connections')::int"));
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_second_start_reuses_the_data_and_a_stop_really_stops()
    {
        var dir = Path.Combine(Path.GetTempPath(), "envgis-reuse-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var first = await EmbeddedCluster.StartAsync(dir, NullLogger.Instance);
            await Execute(first.ConnectionString, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
            var created = File.GetLastWriteTimeUtc(Path.Combine(dir, "postgres", "cluster", "PG_VERSION"));
            await first.StopAsync();
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => Execute(first.ConnectionString, "SELECT 1"));

            var second = await EmbeddedCluster.StartAsync(dir, NullLogger.Instance);
            try
            {
                await using var connection = new NpgsqlConnection(second.ConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT v FROM kept", connection);
                Assert.Equal("still here", await command.ExecuteScalarAsync());
                Assert.Equal(created, File.GetLastWriteTimeUtc(Path.Combine(dir, "postgres", "cluster", "PG_VERSION")));
            }
            finally
            {
                await second.StopAsync();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_cluster_needs_a_password()
    {
        var noPassword = new NpgsqlConnectionStringBuilder(fixture.Cluster.ConnectionString) { Password = "wrong", Pooling = false };
        var error = await Assert.ThrowsAsync<PostgresException>(() => Execute(noPassword.ConnectionString, "SELECT 1"));
        Assert.Equal("28P01", error.SqlState);
    }

    [Fact]
    public void Missing_binaries_name_the_Debian_packages_to_install()
    {
        var error = Assert.Throws<EmbeddedClusterException>(() => PostgresBinaries.Locate("/nonexistent/bin"));
        Assert.Contains("postgresql-15-postgis-3", error.Message);
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
