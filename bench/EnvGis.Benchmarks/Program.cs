using EnvGis.Benchmarks;

// EnvGis benchmarks: figures and ratios against a baseline measured in the same run.
// Usage: dotnet run -c Release --project bench/EnvGis.Benchmarks [-- tiles wfs wms ogcapi downloads monitoring portal]
var parts = args.Length > 0 ? args.ToHashSet(StringComparer.OrdinalIgnoreCase) : ["tiles", "wfs", "wms", "ogcapi", "downloads", "monitoring", "portal"];
var root = FindRepositoryRoot();
// The 100 000 synthetic polygons are only needed by the server-side parts.
await using var env = await BenchmarkEnvironment.StartAsync(root, withSyntheticLayer: parts.Overlaps(["tiles", "wfs", "wms", "ogcapi", "downloads"]));
Console.WriteLine($"EnvGis benchmark on {Environment.ProcessorCount} cores, server at {env.BaseUrl}");
if (parts.Contains("tiles"))
{
    await TileBenchmark.RunAsync(env, BenchmarkEnvironment.SyntheticLayer);
    await TileBenchmark.RunAsync(env, "communes");
}

if (parts.Contains("wfs"))
{
    await WfsBenchmark.RunAsync(env, BenchmarkEnvironment.SyntheticLayer);
}

if (parts.Contains("ogcapi"))
{
    await OgcApiBenchmark.RunAsync(env, BenchmarkEnvironment.SyntheticLayer);
}

if (parts.Contains("downloads"))
{
    await DownloadBenchmark.RunAsync(env, BenchmarkEnvironment.SyntheticLayer);
}

if (parts.Contains("wms"))
{
    await WmsBenchmark.RunAsync(env, root);
}

if (parts.Contains("monitoring"))
{
    await MonitoringBenchmark.RunAsync(env);
}

if (parts.Contains("portal"))
{
    await PortalBenchmark.RunAsync(env);
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "EnvGis.sln")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("Run the benchmark from inside the EnvGis repository.");
}
