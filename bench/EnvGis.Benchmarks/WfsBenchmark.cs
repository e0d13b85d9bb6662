using System.Diagnostics;
using EnvGis.Core.Security;
using EnvGis.Data.Sql;

namespace EnvGis.Benchmarks;

/// <summary>
/// WFS GetFeature of a whole layer through HTTP as GeoJSON and as GML 3.2, beside the same records as
/// one raw SQL statement (an ST_AsGeoJSON aggregate) in the same run: features per second, the
/// server's resident memory growth while streaming (sampled from /proc every 20 ms), and ratios.
/// Goal: memory growth under 50 MB for the whole layer.
/// </summary>
public static class WfsBenchmark
{
    private const long MemoryGoal = 50L * 1024 * 1024;

    public static async Task RunAsync(BenchmarkEnvironment env, string layerName)
    {
        var layer = env.Catalogue.Find(layerName) ?? throw new ArgumentException(layerName);
        var count = await CountAsync(env, layerName);
        var query = $"/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:{layerName}&count={count}";

        // Warm both paths once (JIT, pools, PostgreSQL caches).
        await HttpAsync(env, query + "&outputFormat=application/json");
        await SqlAsync(env, layer.Name);

        var sql = await SqlAsync(env, layer.Name);
        var json = await HttpAsync(env, query + "&outputFormat=application/json");
        var gml = await HttpAsync(env, query);

        Console.WriteLine($"WFS GetFeature, layer {layerName}: {count:N0} features");
        Console.WriteLine($"  {"",-28} {"seconds",10} {"features/s",12} {"MiB sent",10} {"server RSS growth",18} {"vs raw SQL",10}");
        Print("raw SQL ST_AsGeoJSON agg", sql.Seconds, count, sql.Bytes, null, 1);
        Print("HTTP GeoJSON", json.Seconds, count, json.Bytes, json.MemoryGrowth, json.Seconds / sql.Seconds);
        Print("HTTP GML 3.2", gml.Seconds, count, gml.Bytes, gml.MemoryGrowth, gml.Seconds / sql.Seconds);
        var worst = Math.Max(json.MemoryGrowth, gml.MemoryGrowth);
        Console.WriteLine($"  largest server memory growth while streaming: {worst / 1024.0 / 1024:0.0} MiB (goal: under {MemoryGoal / 1024 / 1024} MiB) {(worst < MemoryGoal ? "OK" : "OVER GOAL")}");
    }

    private static void Print(string label, double seconds, long features, long bytes, long? growth, double ratio) =>
        Console.WriteLine($"  {label,-28} {seconds,10:0.000} {features / seconds,12:N0} {bytes / 1024.0 / 1024,10:0.0} {(growth is { } g ? $"{g / 1024.0 / 1024:0.0} MiB" : "-"),18} {ratio,9:0.00}x");

    internal static async Task<long> CountAsync(BenchmarkEnvironment env, string layer)
    {
        await using var command = env.DataSource.CreateCommand(
            $"SELECT count(*) FROM {SqlIdentifier.LayerTable(layer)} AS r WHERE {Visibility.Predicate(ReadScope.Anonymous, "r")}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Streams the response to nowhere while sampling the server's resident memory.</summary>
    internal static async Task<(double Seconds, long Bytes, long MemoryGrowth)> HttpAsync(BenchmarkEnvironment env, string url)
    {
        GC.Collect();
        var before = env.ServerMemory().Current;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, env.ServerMemory().Current);
                await Task.Delay(20);
            }
        });

        var watch = Stopwatch.StartNew();
        using var response = await env.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        return (watch.Elapsed.TotalSeconds, bytes, peak - before);
    }

    /// <summary>The same records, attributes and geometry as one GeoJSON FeatureCollection built by PostGIS.</summary>
    internal static async Task<(double Seconds, long Bytes)> SqlAsync(BenchmarkEnvironment env, string layer)
    {
        var sql = $"""
            SELECT json_build_object('type', 'FeatureCollection', 'features', json_agg(ST_AsGeoJSON(t.*, 'geom', 9)::json))::text
            FROM (SELECT r.id, r.name, r.kind, r.value, r.status, r.valid_from, r.valid_to, r.source, r.citation, r.geom
                  FROM {SqlIdentifier.LayerTable(layer)} AS r
                  WHERE {Visibility.Predicate(ReadScope.Anonymous, "r")} ORDER BY r.id) AS t
            """;
        var watch = Stopwatch.StartNew();
        await using var command = env.DataSource.CreateCommand(sql);
        command.CommandTimeout = 600;
        var text = (string)(await command.ExecuteScalarAsync())!;
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, text.Length);
    }
}
