using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Styling;
using EnvGis.Ows.Wms;
using SkiaSharp;

namespace EnvGis.Benchmarks;

/// <summary>
/// WMS GetMap: the same requests — 256×256 tiles at zooms 9–15 and 1024×768 views, over the styled
/// sample layers and over the 100 000 synthetic polygons — rendered by EnvGis and by MapServer 8
/// (FastCGI under lighttpd, mapfile generated from the same styles, same PostGIS tables), at the same
/// concurrency, rounds interleaved in one run. Prints maps per second for both, the ratio, latencies,
/// and how alike the two servers' images are. Goal: EnvGis at least as fast as MapServer.
/// </summary>
public static class WmsBenchmark
{
    public const int Concurrency = 4;
    private const int Rounds = 4;
    private const double CenterLon = 106.68;
    private const double CenterLat = 20.86;
    private const string SampleLayers = "land,river_basins,communes,protected_areas,industrial_parks,rivers,monitoring_stations";

    public static async Task RunAsync(BenchmarkEnvironment env, string repositoryRoot)
    {
        if (WmsMapServer.Missing() is { } missing)
        {
            Console.WriteLine($"WMS benchmark: {missing} is missing, so MapServer cannot run (scripts/benchmark.sh installs mapserver-bin and lighttpd).");
            return;
        }

        var layers = env.Catalogue.Layers.Where(l => !l.Restricted).Select(l => (l, StyleOf(repositoryRoot, l))).ToList();
        await using var mapserver = await WmsMapServer.StartAsync(env, repositoryRoot, layers, Concurrency);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency * 2 }) { Timeout = TimeSpan.FromMinutes(2) };
        var envgis = new Uri(env.BaseUrl, "/wms");
        Console.WriteLine($"WMS GetMap, EnvGis vs MapServer 8 (FastCGI, lighttpd, {Concurrency} mapserv processes), concurrency {Concurrency}, {Rounds} rounds");
        Console.WriteLine($"  {"",-40} {"EnvGis maps/s",14} {"MapServer maps/s",17} {"ratio",6} {"EnvGis p50 ms",14} {"MapServer p50 ms",17} {"alike",6}");
        double envgisTotal = 0, mapserverTotal = 0, envgisSeconds = 0, mapserverSeconds = 0;
        foreach (var (name, requests) in RequestSets())
        {
            var similarity = await WarmAndCompareAsync(http, envgis, mapserver, requests);
            var envgisRun = new Run();
            var mapserverRun = new Run();
            for (var round = 0; round < Rounds; round++)
            {
                // Alternate which server goes first, so neither always meets warmer caches.
                if (round % 2 == 0)
                {
                    await MeasureAsync(http, envgis, requests, envgisRun);
                    await MeasureAsync(http, mapserver.Url, requests, mapserverRun);
                }
                else
                {
                    await MeasureAsync(http, mapserver.Url, requests, mapserverRun);
                    await MeasureAsync(http, envgis, requests, envgisRun);
                }
            }

            Print(name, envgisRun, mapserverRun, similarity);
            envgisTotal += envgisRun.Maps;
            mapserverTotal += mapserverRun.Maps;
            envgisSeconds += envgisRun.Seconds;
            mapserverSeconds += mapserverRun.Seconds;
            if (envgisRun.Errors + mapserverRun.Errors > 0)
            {
                Console.WriteLine($"    errors: EnvGis {envgisRun.Errors}, MapServer {mapserverRun.Errors} {envgisRun.FirstError ?? mapserverRun.FirstError}");
            }
        }

        var ours = envgisTotal / envgisSeconds;
        var theirs = mapserverTotal / mapserverSeconds;
        Console.WriteLine($"  {"all requests",-40} {ours,14:0.0} {theirs,17:0.0} {ours / theirs,6:0.00}");
        Console.WriteLine($"  EnvGis renders {ours / theirs:0.00}× as many maps per second as MapServer (goal: at least 1.00) {(ours >= theirs ? "OK" : "BELOW GOAL")}");
        if (mapserver.ErrorLog() is { Length: > 0 } log)
        {
            Console.WriteLine("  MapServer error log: " + log[..Math.Min(log.Length, 2000)]);
        }
    }

    /// <summary>The request sets: (title, GetMap query strings).</summary>
    public static IEnumerable<(string Name, IReadOnlyList<string> Requests)> RequestSets()
    {
        yield return ("tiles 256² z9–15, 7 sample layers", Tiles(SampleLayers).ToList());
        yield return ("tiles 256² z9–15, 100 000 polygons", Tiles(BenchmarkEnvironment.SyntheticLayer).ToList());
        yield return ("views 1024×768, 7 sample layers", Views(SampleLayers).ToList());
        yield return ("views 1024×768, 100 000 polygons", Views(BenchmarkEnvironment.SyntheticLayer).ToList());
    }

    private static IEnumerable<string> Tiles(string layers)
    {
        const double half = 20037508.342789244;
        for (var z = 9; z <= 15; z++)
        {
            var n = 1 << z;
            var cx = (int)((CenterLon + 180) / 360 * n);
            var lat = CenterLat * Math.PI / 180;
            var cy = (int)((1 - Math.Log(Math.Tan(lat) + 1 / Math.Cos(lat)) / Math.PI) / 2 * n);
            for (var dx = -1; dx <= 1; dx++)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    var size = 2 * half / n;
                    var minX = -half + (cx + dx) * size;
                    var maxY = half - (cy + dy) * size;
                    yield return GetMap(layers, "EPSG:3857", [minX, maxY - size, minX + size, maxY], 256, 256);
                }
            }
        }
    }

    private static IEnumerable<string> Views(string layers)
    {
        // Web Mercator around the centre at four scales; then EPSG:4326 (1.3.0, lat/lon) and VN-2000 TM-3 views.
        var (x, y) = (CenterLon * 20037508.342789244 / 180, Math.Log(Math.Tan((90 + CenterLat) * Math.PI / 360)) * 6378137.0);
        // Scales between the styles' rule limits (25 000, 50 000, 100 000, 250 000, 500 000), where both servers agree on the rules.
        foreach (var scale in new[] { 400_000.0, 140_000, 45_000, 14_000 })
        {
            var resolution = scale * 0.00028;
            yield return GetMap(layers, "EPSG:3857", [x - 512 * resolution, y - 384 * resolution, x + 512 * resolution, y + 384 * resolution], 1024, 768);
        }

        foreach (var scale in new[] { 300_000.0, 60_000 })
        {
            var degrees = scale * 0.00028 / (6378137.0 * 2 * Math.PI / 360);
            yield return GetMap(layers, "EPSG:4326",
                [CenterLat - 384 * degrees, CenterLon - 512 * degrees, CenterLat + 384 * degrees, CenterLon + 512 * degrees], 1024, 768);
        }

        // EPSG:9210 (VN-2000 / TM-3 105-45) around the centre, 1:90 000: centre from PROJ for 106.68 E 20.86 N.
        const double e = 596_580.0, nn = 2_307_735.0, r = 90_000 * 0.00028;
        yield return GetMap(layers, "EPSG:9210", [e - 512 * r, nn - 384 * r, e + 512 * r, nn + 384 * r], 1024, 768);
    }

    private static string GetMap(string layers, string crs, double[] bbox, int width, int height) =>
        $"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={layers}&STYLES=&CRS={crs}" +
        $"&BBOX={string.Join(",", bbox.Select(v => v.ToString("0.########", CultureInfo.InvariantCulture)))}" +
        $"&WIDTH={width}&HEIGHT={height}&FORMAT=image/png&TRANSPARENT=TRUE";

    private static LayerStyle StyleOf(string root, LayerDefinition layer)
    {
        var file = Path.Combine(root, "styles", layer.Name + ".sld");
        if (!File.Exists(file))
        {
            return DefaultStyles.For(layer);
        }

        using var stream = File.OpenRead(file);
        return SldReader.Read(stream, layer.Name).Style;
    }

    /// <summary>Every request once on each server (warming both), and how alike their images are (mean over the set).</summary>
    private static async Task<double> WarmAndCompareAsync(HttpClient http, Uri envgis, WmsMapServer mapserver, IReadOnlyList<string> requests)
    {
        // ENVGIS_BENCH_IMAGES=<folder> keeps both servers' images of every request, to look at side by side.
        var keep = Environment.GetEnvironmentVariable("ENVGIS_BENCH_IMAGES");
        var scores = new List<double>();
        foreach (var request in requests)
        {
            var ours = await http.GetByteArrayAsync(envgis + "?" + request);
            var theirs = await http.GetAsync(mapserver.Url + "?" + request);
            var body = await theirs.Content.ReadAsByteArrayAsync();
            if (theirs.Content.Headers.ContentType?.MediaType != "image/png")
            {
                throw new InvalidOperationException($"MapServer did not draw {request}: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 600)]} {mapserver.ErrorLog()}");
            }

            scores.Add(Alike(ours, body));
            if (!string.IsNullOrEmpty(keep))
            {
                Directory.CreateDirectory(keep);
                var name = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(request)))[..10];
                await File.WriteAllBytesAsync(Path.Combine(keep, name + "-envgis.png"), ours);
                await File.WriteAllBytesAsync(Path.Combine(keep, name + "-mapserver.png"), body);
                await File.AppendAllTextAsync(Path.Combine(keep, "requests.txt"), $"{name} {request}\n");
            }
        }

        return scores.Average();
    }

    /// <summary>
    /// The share of pixels on which both images agree: both empty, or both drawn with colours within
    /// 48 per channel. Anti-aliasing, label placement and stroke joins differ between renderers.
    /// </summary>
    private static double Alike(byte[] a, byte[] b)
    {
        using var x = SKBitmap.Decode(a);
        using var y = SKBitmap.Decode(b);
        if (x is null || y is null || x.Width != y.Width || x.Height != y.Height)
        {
            return 0;
        }

        var same = 0;
        for (var j = 0; j < x.Height; j += 2)
        {
            for (var i = 0; i < x.Width; i += 2)
            {
                var p = x.GetPixel(i, j);
                var q = y.GetPixel(i, j);
                var bothEmpty = p.Alpha < 16 && q.Alpha < 16;
                var bothDrawn = p.Alpha >= 16 && q.Alpha >= 16 && Math.Abs(p.Red - q.Red) <= 48 && Math.Abs(p.Green - q.Green) <= 48
                    && Math.Abs(p.Blue - q.Blue) <= 48 && Math.Abs(p.Alpha - q.Alpha) <= 48;
                same += bothEmpty || bothDrawn ? 1 : 0;
            }
        }

        return same / (double)(((x.Width + 1) / 2) * ((x.Height + 1) / 2));
    }

    private static async Task MeasureAsync(HttpClient http, Uri server, IReadOnlyList<string> requests, Run run)
    {
        var queue = new ConcurrentQueue<string>(requests);
        var latencies = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var request))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(server + "?" + request);
                var body = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "image/png")
                {
                    run.Error(System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 300)]);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        watch.Stop();
        run.Add(requests.Count, watch.Elapsed.TotalSeconds, latencies);
    }

    private static void Print(string name, Run ours, Run theirs, double alike)
    {
        var o = ours.Maps / ours.Seconds;
        var t = theirs.Maps / theirs.Seconds;
        Console.WriteLine($"  {name,-40} {o,14:0.0} {t,17:0.0} {o / t,6:0.00} {Stats.Median(ours.Latencies),14:0.0} {Stats.Median(theirs.Latencies),17:0.0} {alike,6:0%}");
    }

    private sealed class Run
    {
        private readonly object sync = new();

        public int Maps { get; private set; }

        public double Seconds { get; private set; }

        public List<double> Latencies { get; } = [];

        public int Errors { get; private set; }

        public string? FirstError { get; private set; }

        public void Add(int maps, double seconds, IEnumerable<double> latencies)
        {
            lock (sync)
            {
                Maps += maps;
                Seconds += seconds;
                Latencies.AddRange(latencies);
            }
        }

        public void Error(string message)
        {
            lock (sync)
            {
                Errors++;
                FirstError ??= message;
            }
        }
    }
}
