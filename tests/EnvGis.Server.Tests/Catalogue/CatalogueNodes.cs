using System.Net.Http.Headers;
using System.Text;
using EnvGis.Data.Embedded;
using EnvGis.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EnvGis.Server.Tests.Catalogue;

/// <summary>
/// Two EnvGis nodes over one throwaway PostGIS (the embedded cluster's way of making one), as in
/// docs/scale-out.md without a standby: node A prepares the database and loads the sample data, node B
/// starts on it. The catalogue tests add layers, so they have a database of their own.
/// </summary>
public sealed class CatalogueNodes : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "envgis-catalogue-" + Guid.NewGuid().ToString("N")[..10]);
    private EmbeddedCluster cluster = null!;
    private Node a = null!;
    private Node b = null!;

    public Uri NodeA => a.BaseUrl;

    public Uri NodeB => b.BaseUrl;

    public string ConnectionString => cluster.ConnectionString;

    public async Task InitializeAsync()
    {
        cluster = await EmbeddedCluster.StartAsync(Path.Combine(root, "db"), NullLogger.Instance);
        a = new Node(Path.Combine(root, "node-a"), cluster.ConnectionString);
        a.Start();
        b = new Node(Path.Combine(root, "node-b"), cluster.ConnectionString);
        b.Start();
    }

    public async Task DisposeAsync()
    {
        if (b is not null)
        {
            await b.DisposeAsync();
        }

        if (a is not null)
        {
            await a.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.StopAsync();
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A client of a node, as the administrator (HTTP Basic, as scripts do) or as someone else.</summary>
    public static HttpClient Client(Uri node, string? user = "admin", string password = ServerFixture.AdminPassword)
    {
        var client = new HttpClient { BaseAddress = node };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return client;
    }

    public async Task<List<T>> ListAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.AddWithValue(p);
        }

        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.IsDBNull(0) ? default! : reader.GetFieldValue<T>(0));
        }

        return result;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters) => (await ListAsync<T>(sql, parameters)).Single();

    private sealed class Node(string dataDirectory, string connectionString) : WebApplicationFactory<Program>
    {
        public Uri BaseUrl { get; private set; } = null!;

        public void Start()
        {
            UseKestrel(0);
            StartServer();
            using var client = CreateClient();
            BaseUrl = client.BaseAddress!;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ENVGIS_DATA_DIR", dataDirectory);
            builder.UseSetting("ConnectionStrings:EnvGis", connectionString);
            builder.UseSetting("ENVGIS_DB", "");
            builder.UseSetting("ENVGIS_ADMIN_PASSWORD", ServerFixture.AdminPassword);
            builder.UseEnvironment("Testing");
        }
    }
}

[CollectionDefinition("catalogue")]
public sealed class CatalogueCollection : ICollectionFixture<CatalogueNodes>;
