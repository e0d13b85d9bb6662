using System.Diagnostics;
using EnvGis.Core.Security;
using EnvGis.Data.Tiles;

namespace EnvGis.Benchmarks;

/// <summary>
/// A fixed set of tiles at zooms 8–14 around Hải Phòng, each fetched through the HTTP endpoint and run
/// as the same raw ST_AsMVT SQL, interleaved in the same run; prints medians per zoom and the ratio.
/// </summary>
public static class TileBenchmark
{
    private const double CenterLon = 106.68;
    private const double CenterLat = 20.86;
    private const int Rounds = 5;

    public static async Task RunAsync(BenchmarkEnvironment env, string layerName)
    {
        var layer = env.Catalogue.Find(layerName) ?? throw new ArgumentException(layerName);
        var sql = TileSql.Build(layer, ReadScope.Anonymous);
        var tiles = TileSet().ToList();

        // Warm both paths (connection pools, JIT, PostgreSQL caches) before measuring.
        foreach (var t in tiles)
        {
            await HttpAsync(env, layerName, t);
            await SqlAsync(env, sql, layerName, t);
        }

        var http = new Dictionary<int, List<double>>();
        var raw = new Dictionary<int, List<double>>();
        var bytesPerZoom = new Dictionary<int, long>();
        long bytes = 0;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var t in tiles)
            {
                var (ms, size) = await HttpAsync(env, layerName, t);
                bytes += size;
                bytesPerZoom[t.Z] = bytesPerZoom.GetValueOrDefault(t.Z) + size;
                Add(http, t.Z, ms);
                Add(raw, t.Z, await SqlAsync(env, sql, layerName, t));
            }
        }

        Console.WriteLine($"Vector tiles, layer {layerName}: {tiles.Count} tiles x {Rounds} rounds, {bytes / Rounds / 1024} KiB per round");
        Console.WriteLine($"  {"",-28} {"HTTP median",15} {"raw SQL median",15}");
        foreach (var z in http.Keys.Order())
        {
            Stats.PrintRow($"zoom {z} ({bytesPerZoom[z] / Rounds / tiles.Count(t => t.Z == z) / 1024} KiB/tile)", Stats.Median(http[z]), Stats.Median(raw[z]), "ms");
        }

        var allHttp = http.Values.SelectMany(v => v).ToList();
        var allRaw = raw.Values.SelectMany(v => v).ToList();
        Stats.PrintRow("all tiles", Stats.Median(allHttp), Stats.Median(allRaw), "ms");
        var overhead = Stats.Median(allHttp) / Stats.Median(allRaw) - 1;
        Console.WriteLine($"  server overhead over raw SQL: {overhead:+0.0%;-0.0%} (goal: at most +15%)");
    }

    private static IEnumerable<TileCoordinate> TileSet()
    {
        for (var z = 8; z <= 14; z++)
        {
            var n = 1 << z;
            var cx = (int)((CenterLon + 180) / 360 * n);
            var lat = CenterLat * Math.PI / 180;
            var cy = (int)((1 - Math.Log(Math.Tan(lat) + 1 / Math.Cos(lat)) / Math.PI) / 2 * n);
            for (var dx = -1; dx <= 1; dx++)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    yield return new TileCoordinate(z, cx + dx, cy + dy);
                }
            }
        }
    }

    private static async Task<(double Ms, long Bytes)> HttpAsync(BenchmarkEnvironment env, string layer, TileCoordinate t)
    {
        var watch = Stopwatch.StartNew();
        using var response = await env.Http.GetAsync($"/tiles/{layer}/{t.Z}/{t.X}/{t.Y}.mvt");
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        response.EnsureSuccessStatusCode();
        return (watch.Elapsed.TotalMilliseconds, body.Length);
    }

    private static async Task<double> SqlAsync(BenchmarkEnvironment env, string sql, string layer, TileCoordinate t)
    {
        var watch = Stopwatch.StartNew();
        await using var command = env.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("layer_name", layer);
        command.Parameters.AddWithValue("z", t.Z);
        command.Parameters.AddWithValue("x", t.X);
        command.Parameters.AddWithValue("y", t.Y);
        command.Parameters.AddWithValue("tolerance", t.SimplifyTolerance);
        _ = await command.ExecuteScalarAsync() as byte[];
        watch.Stop();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Add(Dictionary<int, List<double>> samples, int z, double ms)
    {
        if (!samples.TryGetValue(z, out var list))
        {
            samples[z] = list = [];
        }

        list.Add(ms);
    }
}
