using EnvGis.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EnvGis.Server.Tests.Infrastructure;

/// <summary>
/// One real EnvGis server for the whole test run: Kestrel on a free 127.0.0.1 port, over a throwaway
/// embedded PostGIS cluster (created the same way as in production) with the sample data loaded.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    /// <summary>The administrator's password on the test server (ENVGIS_ADMIN_PASSWORD).</summary>
    public const string AdminPassword = "Hp-test-5ecret-pw";

    private readonly Factory factory = new();

    public Uri BaseUrl { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;


    /// <summary>The database the server uses, for assertions straight against PostGIS.</summary>
    public string ConnectionString => factory.Services.GetRequiredService<DatabaseBootstrap>().ConnectionString;

    public IServiceProvider Services => factory.Services;

    public Task InitializeAsync()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        Client = factory.CreateClient();
        BaseUrl = Client.BaseAddress!;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        await factory.DisposeAsync();
        factory.DeleteDataDirectory();
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "envgis-tests-" + Guid.NewGuid().ToString("N")[..12]);

        public void DeleteDataDirectory()
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ENVGIS_DATA_DIR", dataDirectory);
            builder.UseSetting("ENVGIS_DB", "");
            builder.UseSetting("ConnectionStrings:EnvGis", "");
            builder.UseSetting("ENVGIS_ADMIN_PASSWORD", AdminPassword);
            // The tests play the proxy: X-Forwarded-For gives clients their own addresses (sign-in throttling).
            builder.UseSetting("ENVGIS_TRUSTED_PROXIES", "127.0.0.1");
            builder.UseEnvironment("Testing");
        }
    }
}

[CollectionDefinition("server")]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>;
