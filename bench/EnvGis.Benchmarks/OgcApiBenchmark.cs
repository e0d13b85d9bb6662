using System.Diagnostics;
using System.Text.Json;
using EnvGis.Core.Security;
using EnvGis.Data.Sql;

namespace EnvGis.Benchmarks;

/// <summary>
/// OGC API items of the 100 000-polygon layer as GeoJSON in one request, beside WFS GetFeature as
/// GeoJSON and the same records as one raw SQL statement, interleaved in the same run (goal: OGC API
/// within 10 % of WFS); then a CQL2 filter with S_INTERSECTS and ACCENTI beside the same predicate as
/// raw SQL.
/// </summary>
public static class OgcApiBenchmark
{
    private const int Rounds = 3;
    private const double Goal = 1.10;

    public static async Task RunAsync(BenchmarkEnvironment env, string layer)
    {
        var count = await WfsBenchmark.CountAsync(env, layer);
        var ogc = $"/ogcapi/collections/{layer}/items?f=json&limit={count}";
        var wfs = $"/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:{layer}&count={count}&outputFormat=application/json";

        // Warm every path once (JIT, pools, PostgreSQL caches).
        await WfsBenchmark.HttpAsync(env, ogc);
        await WfsBenchmark.HttpAsync(env, wfs);
        await WfsBenchmark.SqlAsync(env, layer);

        var ogcRuns = new List<(double Seconds, long Bytes, long Growth)>();
        var wfsRuns = new List<(double Seconds, long Bytes, long Growth)>();
        var sqlRuns = new List<(double Seconds, long Bytes)>();
        for (var round = 0; round < Rounds; round++)
        {
            sqlRuns.Add(await WfsBenchmark.SqlAsync(env, layer));
            wfsRuns.Add(await WfsBenchmark.HttpAsync(env, wfs));
            ogcRuns.Add(await WfsBenchmark.HttpAsync(env, ogc));
        }

        var sql = Median(sqlRuns.Select(r => r.Seconds));
        var wfsSeconds = Median(wfsRuns.Select(r => r.Seconds));
        var ogcSeconds = Median(ogcRuns.Select(r => r.Seconds));
        Console.WriteLine($"OGC API items, layer {layer}: {count:N0} features in one page, median of {Rounds} interleaved rounds");
        Console.WriteLine($"  {"",-30} {"seconds",10} {"features/s",12} {"MiB sent",10} {"server RSS growth",18} {"vs raw SQL",10} {"vs WFS",8}");
        Print("raw SQL ST_AsGeoJSON agg", sql, count, sqlRuns[0].Bytes, null, sql, wfsSeconds);
        Print("WFS GetFeature GeoJSON", wfsSeconds, count, wfsRuns[0].Bytes, wfsRuns.Max(r => r.Growth), sql, wfsSeconds);
        Print("OGC API items GeoJSON", ogcSeconds, count, ogcRuns[0].Bytes, ogcRuns.Max(r => r.Growth), sql, wfsSeconds);
        var ratio = ogcSeconds / wfsSeconds;
        Console.WriteLine($"  OGC API / WFS: {ratio:0.00}x (goal: at most {Goal:0.00}x) {(ratio <= Goal ? "OK" : "OVER GOAL")}");

        await FilterAsync(env, layer);
    }

    /// <summary>S_INTERSECTS with a box and an accent-insensitive LIKE (written with Vietnamese marks on purpose), against the same SQL.</summary>
    private static async Task FilterAsync(BenchmarkEnvironment env, string layer)
    {
        const string cql2 = "S_INTERSECTS(geometry, BBOX(106.3, 20.65, 106.9, 21.0)) AND CASEI(ACCENTI(name)) LIKE CASEI(ACCENTI('Pôlygón 1%'))";
        var url = $"/ogcapi/collections/{layer}/items?f=json&limit=100000&filter={Uri.EscapeDataString(cql2)}";
        var sqlText = $"""
            SELECT count(*) FROM {SqlIdentifier.LayerTable(layer)} AS r
            WHERE {Visibility.Predicate(ReadScope.Anonymous, "r")}
              AND ST_Intersects(r.geom, ST_MakeEnvelope(106.3, 20.65, 106.9, 21.0, 4326))
              AND lower(envgis.accent_fold(r.name)) LIKE lower(envgis.accent_fold('Pôlygón 1%'))
            """;
        await Http(env, url);
        await Sql(env, sqlText);
        var sqlRuns = new List<(double Seconds, long Count)>();
        var apiRuns = new List<(double Seconds, long Count)>();
        for (var round = 0; round < Rounds; round++)
        {
            sqlRuns.Add(await Sql(env, sqlText));
            apiRuns.Add(await Http(env, url));
        }

        var sql = Median(sqlRuns.Select(r => r.Seconds));
        var api = Median(apiRuns.Select(r => r.Seconds));
        Console.WriteLine($"CQL2 filter on {layer}: {cql2}");
        Console.WriteLine($"  raw SQL count:      {sql,8:0.000} s, {sqlRuns[0].Count:N0} matching");
        Console.WriteLine($"  OGC API GeoJSON:    {api,8:0.000} s, {apiRuns[0].Count:N0} features returned ({api / sql:0.00}x the raw count){(apiRuns[0].Count == sqlRuns[0].Count ? "" : "  MISMATCH")}");
    }

    private static async Task<(double Seconds, long Count)> Http(BenchmarkEnvironment env, string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await env.Http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(body);
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, document.RootElement.GetProperty("numberReturned").GetInt64());
    }

    private static async Task<(double Seconds, long Count)> Sql(BenchmarkEnvironment env, string sql)
    {
        var watch = Stopwatch.StartNew();
        await using var command = env.DataSource.CreateCommand(sql);
        command.CommandTimeout = 600;
        var count = (long)(await command.ExecuteScalarAsync())!;
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, count);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void Print(string label, double seconds, long features, long bytes, long? growth, double sql, double wfs) =>
        Console.WriteLine($"  {label,-30} {seconds,10:0.000} {features / seconds,12:N0} {bytes / 1024.0 / 1024,10:0.0} {(growth is { } g ? $"{g / 1024.0 / 1024:0.0} MiB" : "-"),18} {seconds / sql,9:0.00}x {seconds / wfs,7:0.00}x");
}
