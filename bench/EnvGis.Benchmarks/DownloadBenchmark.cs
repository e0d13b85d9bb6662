namespace EnvGis.Benchmarks;

/// <summary>
/// Open-data downloads of the 100 000-polygon layer (docs/open-data.md "Downloads"): every format through
/// HTTP, beside WFS GetFeature as GeoJSON and the same records as one raw SQL statement, interleaved in the
/// same run; time, features per second, size, and the server's resident memory growth while the download
/// runs (sampled from /proc every 20 ms). Goal: under 50 MB growth for the GeoPackage of the whole layer.
/// </summary>
public static class DownloadBenchmark
{
    private const long MemoryGoal = 50L * 1024 * 1024;
    private const int Rounds = 3;

    public static async Task RunAsync(BenchmarkEnvironment env, string layer)
    {
        var count = await WfsBenchmark.CountAsync(env, layer);
        var wfs = $"/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:{layer}&count={count}&outputFormat=application/json";
        string[] formats = ["gpkg", "shp", "geojson", "csv", "kml"];

        // Warm every path once (JIT, pools, PostgreSQL caches).
        await WfsBenchmark.SqlAsync(env, layer);
        await WfsBenchmark.HttpAsync(env, wfs);
        foreach (var format in formats)
        {
            await WfsBenchmark.HttpAsync(env, Url(layer, format));
        }

        var sqlRuns = new List<double>();
        var wfsRuns = new List<(double Seconds, long Bytes, long Growth)>();
        var runs = formats.ToDictionary(f => f, _ => new List<(double Seconds, long Bytes, long Growth)>());
        for (var round = 0; round < Rounds; round++)
        {
            sqlRuns.Add((await WfsBenchmark.SqlAsync(env, layer)).Seconds);
            wfsRuns.Add(await WfsBenchmark.HttpAsync(env, wfs));
            foreach (var format in formats)
            {
                runs[format].Add(await WfsBenchmark.HttpAsync(env, Url(layer, format)));
            }
        }

        var sql = Median(sqlRuns);
        var wfsSeconds = Median(wfsRuns.Select(r => r.Seconds));
        Console.WriteLine($"Downloads, layer {layer}: {count:N0} features, median of {Rounds} interleaved rounds");
        Console.WriteLine($"  {"",-26} {"seconds",10} {"features/s",12} {"MiB",8} {"server RSS growth",18} {"vs raw SQL",10} {"vs WFS",8}");
        Print("raw SQL ST_AsGeoJSON agg", sql, count, null, null, sql, wfsSeconds);
        Print("WFS GetFeature GeoJSON", wfsSeconds, count, wfsRuns[0].Bytes, wfsRuns.Max(r => r.Growth), sql, wfsSeconds);
        foreach (var format in formats)
        {
            var seconds = Median(runs[format].Select(r => r.Seconds));
            Print("download " + format, seconds, count, runs[format][0].Bytes, runs[format].Max(r => r.Growth), sql, wfsSeconds);
        }

        var gpkg = runs["gpkg"].Max(r => r.Growth);
        Console.WriteLine($"  GeoPackage server memory growth: {gpkg / 1024.0 / 1024:0.0} MiB (goal: under {MemoryGoal / 1024 / 1024} MiB) {(gpkg < MemoryGoal ? "OK" : "OVER GOAL")}");
    }

    private static string Url(string layer, string format) => $"/ogcapi/collections/{layer}/download/{format}";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void Print(string label, double seconds, long features, long? bytes, long? growth, double sql, double wfs) =>
        Console.WriteLine($"  {label,-26} {seconds,10:0.000} {features / seconds,12:N0} {(bytes is { } b ? $"{b / 1024.0 / 1024:0.0}" : "-"),8} "
                          + $"{(growth is { } g ? $"{g / 1024.0 / 1024:0.0} MiB" : "-"),18} {seconds / sql,9:0.00}x {seconds / wfs,7:0.00}x");
}
