using EnvGis.Benchmarks;

// EnvGis benchmarks: figures and ratios against a baseline measured in the same run.
// Usage: dotnet run -c Release --project bench/EnvGis.Benchmarks [-- tiles hot wfs wms ogcapi downloads monitoring monitoring-ingest portal load faults]
// "monitoring-ingest" is the ingestion half of "monitoring" alone (not part of the default run).
string[] all = ["tiles", "hot", "wfs", "wms", "ogcapi", "downloads", "monitoring", "portal", "load", "faults"];
string[] known = [.. all, "monitoring-ingest"];
var parts = args.Length > 0 ? args.ToHashSet(StringComparer.OrdinalIgnoreCase) : all.ToHashSet();
var unknown = parts.Except(known, StringComparer.OrdinalIgnoreCase).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown benchmark part(s): {string.Join(", ", unknown)}; the parts are {string.Join(", ", known)}.");
    return 2;
}

var root = FindRepositoryRoot();
// The 100 000 synthetic polygons are only needed by the server-side parts (the load and fault mixes fetch its tiles).
await using var env = await BenchmarkEnvironment.StartAsync(root,
    withSyntheticLayer: parts.Overlaps(["tiles", "hot", "wfs", "wms", "ogcapi", "downloads", "load", "faults"]));
Console.WriteLine($"EnvGis benchmark on {Environment.ProcessorCount} cores, server at {env.BaseUrl}");
if (parts.Contains("tiles"))
{
    await TileBenchmark.RunAsync(env, BenchmarkEnvironment.SyntheticLayer);
    await TileBenchmark.RunAsync(env, "communes");
}

if (parts.Contains("hot"))
{
    await HotTileBenchmark.RunAsync(env, BenchmarkEnvironment.SyntheticLayer);
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
else if (parts.Contains("monitoring-ingest"))
{
    await MonitoringBenchmark.IngestAsync(env);
}

if (parts.Contains("portal"))
{
    await PortalBenchmark.RunAsync(env);
}

if (parts.Contains("load"))
{
    await LoadBenchmark.RunAsync(env);
}

// Last: it restarts the database and kills the server.
if (parts.Contains("faults"))
{
    await FaultBenchmark.RunAsync(env);
}

return 0;

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
