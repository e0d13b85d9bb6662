using System.Diagnostics;
using EnvGis.Core.Catalogue;
using EnvGis.Data;
using EnvGis.Data.Catalogue;
using EnvGis.Data.Embedded;
using EnvGis.Data.Migrations;
using EnvGis.Data.SampleData;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EnvGis.Benchmarks;

/// <summary>
/// What every benchmark part measures against: a throwaway embedded PostGIS with the sample data and a
/// synthetic layer of 100 000 polygons, and the real EnvGis server (the Release build) as a separate
/// process using that database through a connection string.
/// </summary>
public sealed class BenchmarkEnvironment : IAsyncDisposable
{
    public const string SyntheticLayer = "benchmark_polygons";
    public const int SyntheticCount = 100_000;

    /// <summary>The administrator's password on the benchmark server.</summary>
    public const string AdminPassword = "Bench-pw-Hai-Phong-2025";

    private readonly string dataDirectory;
    private readonly string serverDll;
    private readonly int port;
    private Process server;

    private BenchmarkEnvironment(string dataDirectory, EmbeddedCluster cluster, NpgsqlDataSource dataSource,
        LayerCatalogue catalogue, string serverDll, int port)
    {
        this.dataDirectory = dataDirectory;
        Cluster = cluster;
        DataSource = dataSource;
        Catalogue = catalogue;
        this.serverDll = serverDll;
        this.port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        server = null!;
    }

    public EmbeddedCluster Cluster { get; }

    /// <summary>The folder of the embedded cluster's data (for pg_ctl restart).</summary>
    public string ClusterDirectory => Path.Combine(dataDirectory, "postgres", "cluster");

    public NpgsqlDataSource DataSource { get; }

    public LayerCatalogue Catalogue { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public int ServerProcessId => server.Id;

    public static async Task<BenchmarkEnvironment> StartAsync(string repositoryRoot, bool withSyntheticLayer = true)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "envgis-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"Preparing PostGIS in {dataDirectory} ...");
        var cluster = await EmbeddedCluster.StartAsync(dataDirectory, NullLogger.Instance);
        await using (var setup = DataSourceFactory.Create(cluster.ConnectionString))
        {
            await new Migrator(setup, NullLogger<Migrator>.Instance).MigrateAsync();
        }

        var dataSource = DataSourceFactory.Create(cluster.ConnectionString, "envgis-benchmark");
        var catalogue = await new CatalogueStore(dataSource).LoadAsync();
        await new SampleDataLoader(dataSource, NullLogger<SampleDataLoader>.Instance)
            .LoadIfEmptyAsync(Path.Combine(repositoryRoot, "sample-data"), catalogue);
        if (withSyntheticLayer)
        {
            await CreateSyntheticLayerAsync(dataSource);
        }
        catalogue = await new CatalogueStore(dataSource).LoadAsync();

        var serverDll = Path.Combine(repositoryRoot, "src", "EnvGis.Server", "bin", "Release", "net10.0", "EnvGis.Server.dll");
        if (!File.Exists(serverDll))
        {
            throw new FileNotFoundException("Build the server first: dotnet build -c Release", serverDll);
        }

        var environment = new BenchmarkEnvironment(dataDirectory, cluster, dataSource, catalogue, serverDll, FreePort());
        try
        {
            await environment.StartServerAsync();
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }

        return environment;
    }

    /// <summary>
    /// Starts the Release server as its own process on the benchmark's port, over the benchmark's
    /// PostGIS, with its data folder (tile cache on disk) in the benchmark's folder; waits until ready.
    /// </summary>
    public async Task StartServerAsync()
    {
        // Run from the server's folder: its wwwroot holds the portal (built by scripts/benchmark.sh).
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(serverDll)!, "..", "..", "..")),
        };
        foreach (var a in new[] { serverDll, "--urls", BaseUrl.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ConnectionStrings__EnvGis"] = Cluster.ConnectionString;
        start.Environment["ENVGIS_DATA_DIR"] = Path.Combine(dataDirectory, "server");
        start.Environment["ENVGIS_ADMIN_PASSWORD"] = AdminPassword;
        // The benchmark plays the load balancer: the load parts forward each simulated client's address.
        start.Environment["ENVGIS_TRUSTED_PROXIES"] = "127.0.0.1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        server = Process.Start(start)!;
        // Only warnings and errors are logged (LogLevel Warning): show them.
        server.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>Kills the server process at once (SIGKILL), as a crash would.</summary>
    public async Task KillServerAsync()
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
    }

    /// <summary>Restarts PostgreSQL under the running server (same port, fast shutdown); its output goes to the cluster's log.</summary>
    public async Task<int> RestartDatabaseAsync()
    {
        var pgCtl = Path.Combine(PostgresBinaries.Locate().BinDirectory, "pg_ctl");
        var root = Environment.UserName == "root";
        // Not redirected: the new postmaster keeps the output it inherits open for as long as it runs.
        var start = new ProcessStartInfo(root ? "runuser" : pgCtl) { UseShellExecute = false };
        var log = Path.Combine(dataDirectory, "postgres", "postgres.log");
        foreach (var a in (root ? new[] { "-u", "postgres", "--", pgCtl } : []).Concat(["restart", "-D", ClusterDirectory, "-l", log, "-m", "fast", "-w", "-t", "60", "-s"]))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>Resident memory of the server process now and at its peak, in bytes (from /proc).</summary>
    public (long Current, long Peak) ServerMemory()
    {
        long Read(string key) => File.ReadLines($"/proc/{server.Id}/status")
            .Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024)
            .FirstOrDefault();
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (server is not null && !server.HasExited)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        await DataSource.DisposeAsync();
        await Cluster.StopAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {server.ExitCode}.");
            }

            try
            {
                if ((await Http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The server did not become ready.");
    }

    private static async Task CreateSyntheticLayerAsync(NpgsqlDataSource dataSource)
    {
        Console.WriteLine($"Creating {SyntheticCount:N0} synthetic polygons ...");
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO catalogue.layers (name, category, ordinal, geometry_type, title_vi, title_en, label_attribute)
            VALUES ('{SyntheticLayer}', 11, 99, 'MultiPolygon', 'Đa giác thử hiệu năng', 'Benchmark polygons', 'name');
            INSERT INTO catalogue.attributes (layer, ordinal, name, type, required, label_vi, label_en) VALUES
              ('{SyntheticLayer}', 1, 'name', 'text', true, 'Tên', 'Name'),
              ('{SyntheticLayer}', 2, 'kind', 'text', false, 'Loại', 'Kind'),
              ('{SyntheticLayer}', 3, 'value', 'number', false, 'Giá trị', 'Value');
            SELECT catalogue.create_layer_table('{SyntheticLayer}');
            SELECT tiles.track_layer('{SyntheticLayer}');
            SELECT setseed(0.42);
            INSERT INTO data.{SyntheticLayer} (name, kind, value, owner_unit, status, created_by, updated_by, geom)
            SELECT 'Polygon ' || i, 'kind ' || (i % 7), random() * 100, 'so-nnmt', 'published', 'benchmark', 'benchmark',
                   ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(106.15 + random() * 1.05, 20.62 + random() * 0.6), 4326),
                                      0.0015 + random() * 0.004, 4))
            FROM generate_series(1, {SyntheticCount}) AS i;
            ANALYZE data.{SyntheticLayer};
            """);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
