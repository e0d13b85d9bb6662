using System.Diagnostics;
using EnvGis.Core.Security;
using EnvGis.Data.Replication;
using EnvGis.Data.Tiles;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnvGis.Benchmarks;

/// <summary>
/// Generalised tiles of a layer at every zoom over its whole extent (docs/tiles.md): tile sizes per
/// zoom (max, p90; goal: every tile ≤ 500 KB) and uncached latency per zoom (p50, p90, max; goal:
/// p90 under 100 ms at zooms 8–14), measured on the tile store itself, cold, several rounds; then the
/// same tiles through HTTP, the first fetch (a cache miss) and the next (a hit), in the same run.
/// </summary>
public static class TileBenchmark
{
    private const int Rounds = 3;
    private const int SampledTilesPerZoom = 48;
    private const long SizeGoal = 500 * 1024;
    private const double LatencyGoalMs = 100;

    public static async Task RunAsync(BenchmarkEnvironment env, string layerName)
    {
        var layer = env.Catalogue.Find(layerName) ?? throw new ArgumentException(layerName);
        var extent = await ExtentAsync(env, layerName);
        var settings = new TileSettingsStore(env.DataSource, NullLogger<TileSettingsStore>.Instance);
        await settings.LoadAsync(default);
        var store = new TileStore(DataSources.PrimaryOnly(env.DataSource), settings);
        var tiles = TileSet(extent, 0, 16).ToList();

        // Warm PostgreSQL's caches and the JIT once over a few tiles.
        foreach (var t in tiles.Where(t => t.Z == 12).Take(5))
        {
            await store.GetTileAsync(layer, t, ReadScope.Anonymous, default);
        }

        var sizes = new Dictionary<int, List<double>>();
        var latency = new Dictionary<int, List<double>>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var t in tiles)
            {
                var watch = Stopwatch.StartNew();
                var bytes = await store.GetTileAsync(layer, t, ReadScope.Anonymous, default);
                Add(latency, t.Z, watch.Elapsed.TotalMilliseconds);
                if (round == 0)
                {
                    Add(sizes, t.Z, bytes.Length);
                }
            }
        }

        var (miss, hit) = await HttpAsync(env, layerName, tiles.Where(t => t.Z is >= 8 and <= 14).ToList());
        Console.WriteLine($"Generalised vector tiles, layer {layerName}: {tiles.Count} tiles over its extent (zooms 0–16; every tile up to zoom 11, {SampledTilesPerZoom} sampled from 12), {Rounds} cold rounds on the tile store");
        Console.WriteLine($"  {"zoom",-5} {"tiles",6} {"max KiB",9} {"p90 KiB",9} {"p50 ms",8} {"p90 ms",8} {"max ms",8} {"HTTP miss p50",14} {"HTTP hit p50",13}");
        var oversize = 0;
        var slow = 0;
        foreach (var z in sizes.Keys.Order())
        {
            var s = sizes[z];
            var l = latency[z];
            oversize += s.Count(v => v > SizeGoal);
            var p90 = Stats.Percentile(l, 0.9);
            if (z is >= 8 and <= 14 && p90 >= LatencyGoalMs)
            {
                slow++;
            }

            Console.WriteLine($"  {z,-5} {s.Count,6} {s.Max() / 1024,9:0.0} {Stats.Percentile(s, 0.9) / 1024,9:0.0} {Stats.Percentile(l, 0.5),8:0.0} {p90,8:0.0} {l.Max(),8:0.0}"
                              + $" {(miss.TryGetValue(z, out var m) ? $"{Stats.Median(m),11:0.0} ms" : ""),14} {(hit.TryGetValue(z, out var h) ? $"{Stats.Median(h),10:0.00} ms" : ""),13}");
        }

        Console.WriteLine($"  largest tile: {sizes.Values.SelectMany(v => v).Max() / 1024:0.0} KiB (goal: every tile ≤ {SizeGoal / 1024} KiB) {(oversize == 0 ? "OK" : $"{oversize} OVER GOAL")}");
        Console.WriteLine($"  uncached p90 at zooms 8–14 (goal: under {LatencyGoalMs} ms): {(slow == 0 ? "OK at every zoom" : $"{slow} zooms OVER GOAL")}");
    }

    /// <summary>Every tile over the extent up to zoom 11; from 12 on a fixed sample (seeded) of tiles over it.</summary>
    public static IEnumerable<TileCoordinate> TileSet(double[] extent, int minZoom, int maxZoom)
    {
        var random = new Random(42);
        for (var z = minZoom; z <= maxZoom; z++)
        {
            var (x0, y1) = TileOf(extent[0], extent[1], z);
            var (x1, y0) = TileOf(extent[2], extent[3], z);
            var count = (long)(x1 - x0 + 1) * (y1 - y0 + 1);
            if (count <= SampledTilesPerZoom * 2)
            {
                for (var x = x0; x <= x1; x++)
                {
                    for (var y = y0; y <= y1; y++)
                    {
                        yield return new TileCoordinate(z, x, y);
                    }
                }

                continue;
            }

            for (var i = 0; i < SampledTilesPerZoom; i++)
            {
                yield return new TileCoordinate(z, random.Next(x0, x1 + 1), random.Next(y0, y1 + 1));
            }
        }
    }

    public static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var latRad = lat * Math.PI / 180;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(latRad) + 1 / Math.Cos(latRad)) / Math.PI) / 2 * n);
        return (Math.Clamp(x, 0, n - 1), Math.Clamp(y, 0, n - 1));
    }

    public static async Task<double[]> ExtentAsync(BenchmarkEnvironment env, string layer)
    {
        await using var command = env.DataSource.CreateCommand(
            $"SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] FROM (SELECT ST_Extent(geom) AS e FROM data.\"{layer}\") AS x");
        return (double[])(await command.ExecuteScalarAsync())!;
    }

    // The first fetch of each tile through the server is a miss (rendered and kept), the second a hit.
    private static async Task<(Dictionary<int, List<double>> Miss, Dictionary<int, List<double>> Hit)> HttpAsync(
        BenchmarkEnvironment env, string layer, IReadOnlyList<TileCoordinate> tiles)
    {
        var miss = new Dictionary<int, List<double>>();
        var hit = new Dictionary<int, List<double>>();
        foreach (var t in tiles.Distinct())
        {
            foreach (var samples in new[] { miss, hit })
            {
                var watch = Stopwatch.StartNew();
                using var response = await env.Http.GetAsync($"/tiles/{layer}/{t.Z}/{t.X}/{t.Y}.mvt");
                _ = await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                response.EnsureSuccessStatusCode();
                var outcome = response.Headers.TryGetValues("X-Tile-Cache", out var v) ? v.Single() : "";
                if (outcome == (samples == miss ? "miss" : "hit"))
                {
                    Add(samples, t.Z, watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        return (miss, hit);
    }

    private static void Add(Dictionary<int, List<double>> samples, int z, double value)
    {
        if (!samples.TryGetValue(z, out var list))
        {
            samples[z] = list = [];
        }

        list.Add(value);
    }
}
