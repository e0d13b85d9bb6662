using System.Net;
using System.Net.Sockets;
using EnvGis.Data.Embedded;
using EnvGis.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EnvGis.Server.Tests.ScaleOut;

/// <summary>
/// A scaled-out EnvGis on this machine (docs/scale-out.md): a primary (the embedded cluster's way of
/// making one), a streaming standby made from it with <c>pg_basebackup -R</c> by the same Debian
/// binaries (as the postgres user when root), and two EnvGis nodes configured by connection strings
/// only, each with its own data folder. Node B's tile cache folder cannot be written.
/// </summary>
public sealed class ReplicationFixture : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "envgis-scaleout-" + Guid.NewGuid().ToString("N")[..10]);
    private EmbeddedCluster primary = null!;
    private Node a = null!;
    private Node b = null!;

    public string PrimaryConnectionString => primary.ConnectionString;

    public string StandbyConnectionString { get; private set; } = "";

    public string StandbyDirectory => Path.Combine(root, "primary", "postgres", "standby");

    public Uri NodeA => a.BaseUrl;

    public Uri NodeB => b.BaseUrl;

    public async Task InitializeAsync()
    {
        primary = await EmbeddedCluster.StartAsync(Path.Combine(root, "primary"), NullLogger.Instance);
        var builder = new NpgsqlConnectionStringBuilder(primary.ConnectionString);
        var result = await Postgres("pg_basebackup", ["-h", "127.0.0.1", "-p", builder.Port.ToString(), "-U", builder.Username!,
            "-D", StandbyDirectory, "-R", "-X", "stream", "-c", "fast"], builder.Password);
        Assert.True(result.ExitCode == 0, result.Everything);
        var port = FreePort();
        StandbyConnectionString = new NpgsqlConnectionStringBuilder(primary.ConnectionString) { Port = port }.ConnectionString;
        await StartStandbyAsync();

        a = new Node(Path.Combine(root, "node-a"), primary.ConnectionString, StandbyConnectionString, null);
        a.Start();
        // Node B starts on a database node A prepared; its tile cache folder is a file.
        var blocker = Path.Combine(root, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        b = new Node(Path.Combine(root, "node-b"), primary.ConnectionString, StandbyConnectionString, Path.Combine(blocker, "tiles"));
        b.Start();
    }

    public HttpClient Client(Uri node, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = node };

    public async Task StartStandbyAsync()
    {
        var port = new NpgsqlConnectionStringBuilder(StandbyConnectionString).Port;
        var result = await Postgres(Path.Combine(Bin, "pg_ctl"), ["start", "-D", StandbyDirectory, "-l", StandbyDirectory + ".log", "-w", "-t", "120",
            // A standby needs at least the primary's max_connections (the embedded cluster's) to replay.
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c hot_standby=on -c max_connections={EnvGis.Data.Embedded.EmbeddedCluster.MaxConnections}"]);
        Assert.True(result.ExitCode == 0, result.Everything + File.ReadAllText(StandbyDirectory + ".log"));
    }

    public async Task StopStandbyAsync()
    {
        var result = await Postgres(Path.Combine(Bin, "pg_ctl"), ["stop", "-D", StandbyDirectory, "-m", "fast", "-w", "-t", "120"]);
        Assert.True(result.ExitCode == 0, result.Everything);
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

        await Postgres(Path.Combine(Bin, "pg_ctl"), ["stop", "-D", StandbyDirectory, "-m", "immediate", "-w", "-t", "60"]);
        if (primary is not null)
        {
            await primary.StopAsync();
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Bin => PostgresBinaries.Locate().BinDirectory;

    // PostgreSQL's tools refuse to run as root: as root they run as the postgres user, as the embedded cluster does.
    private static Task<ExternalTool.Result> Postgres(string program, IReadOnlyList<string> arguments, string? password = null)
    {
        var tool = program.Contains('/') ? program : Path.Combine(Bin, program);
        var environment = new Dictionary<string, string> { ["LC_MESSAGES"] = "C" };
        if (password is not null)
        {
            environment["PGPASSWORD"] = password;
        }

        return Environment.UserName == "root"
            ? ExternalTool.RunAsync("runuser", ["-u", "postgres", "--", "env", .. environment.Select(e => $"{e.Key}={e.Value}"), tool, .. arguments],
                timeout: TimeSpan.FromMinutes(3))
            : ExternalTool.RunAsync(tool, arguments, environment, TimeSpan.FromMinutes(3));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One EnvGis node: the real server on a free port, configured by connection strings.</summary>
    private sealed class Node(string dataDirectory, string primary, string standby, string? tileCache) : WebApplicationFactory<Program>
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
            builder.UseSetting("ConnectionStrings:EnvGis", primary);
            builder.UseSetting("ConnectionStrings:EnvGisStandby", standby);
            builder.UseSetting("ENVGIS_DB", "");
            builder.UseSetting("ENVGIS_ADMIN_PASSWORD", ServerFixture.AdminPassword);
            if (tileCache is not null)
            {
                builder.UseSetting("ENVGIS_TILE_CACHE_DIR", tileCache);
            }

            builder.UseEnvironment("Testing");
        }
    }
}

[CollectionDefinition("scale-out")]
public sealed class ScaleOutCollection : ICollectionFixture<ReplicationFixture>;
