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

    /// <summary>The administrator's password on the benchmark server (parts that write, e.g. monitoring uploads).</summary>
    public const string AdminPassword = "Hp-bench-5ecret-2026";

    private readonly string dataDirectory;
    private readonly EmbeddedCluster cluster;
    private readonly Process server;

    private BenchmarkEnvironment(string dataDirectory, EmbeddedCluster cluster, NpgsqlDataSource dataSource,
        LayerCatalogue catalogue, Process server, Uri baseUrl)
    {
        this.dataDirectory = dataDirectory;
        this.cluster = cluster;
        DataSource = dataSource;
        Catalogue = catalogue;
        this.server = server;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
    }

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

        var port = FreePort();
        // Run from the server's folder: its wwwroot holds the portal (built by scripts/benchmark.sh).
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.Combine(repositoryRoot, "src", "EnvGis.Server"),
        };
        foreach (var a in new[] { serverDll, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ConnectionStrings__EnvGis"] = cluster.ConnectionString;
        start.Environment["ENVGIS_DATA_DIR"] = Path.Combine(dataDirectory, "server");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ENVGIS_ADMIN_PASSWORD"] = AdminPassword;
        start.Environment["ENVGIS_DATA_DIR"] = Path.Combine(dataDirectory, "server");
        var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        var environment = new BenchmarkEnvironment(dataDirectory, cluster, dataSource, catalogue, server, new Uri($"http://127.0.0.1:{port}"));
        await environment.WaitUntilReadyAsync();
        return environment;
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
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        await DataSource.DisposeAsync();
        await cluster.StopAsync();
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
