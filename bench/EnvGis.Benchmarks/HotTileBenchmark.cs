using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EnvGis.Benchmarks;

/// <summary>
/// A hot public tile (cached, versioned URL) served by EnvGis beside the same bytes served as a static
/// file by lighttpd, with the same load client (wrk: 2 threads, 64 connections) in the same run:
/// requests per second of both and the ratio (goal: EnvGis at least 10 000/s), then the 304
/// revalidation rate (If-None-Match with the tile's ETag).
/// </summary>
public static class HotTileBenchmark
{
    private const double Goal = 10_000;
    private const string Duration = "10s";

    public static async Task RunAsync(BenchmarkEnvironment env, string layer)
    {
        if (Tool("wrk") is null || !File.Exists("/usr/sbin/lighttpd"))
        {
            throw new InvalidOperationException("The hot tile benchmark needs wrk and lighttpd (./scripts/benchmark.sh installs them).");
        }

        using var json = JsonDocument.Parse(await env.Http.GetStringAsync($"/tiles/{layer}.json"));
        var template = json.RootElement.GetProperty("tiles")[0].GetString()!;
        Console.WriteLine($"Hot tiles of {layer} (wrk: 2 threads, 64 connections, {Duration} each; the same client against lighttpd serving the same bytes):");
        Console.WriteLine($"  {"",-44} {"requests/s",12} {"p50 ms",8} {"p99 ms",8} {"non-2xx/3xx",12}");
        var typical = 0.0;
        foreach (var z in new[] { 14, 12 })
        {
            var (x, y) = TileBenchmark.TileOf(106.68, 20.86, z);
            var url = template.Replace("{z}", z.ToString(CultureInfo.InvariantCulture))
                .Replace("{x}", x.ToString(CultureInfo.InvariantCulture)).Replace("{y}", y.ToString(CultureInfo.InvariantCulture));
            using var first = await env.Http.GetAsync(url);
            var bytes = await first.Content.ReadAsByteArrayAsync();
            var etag = first.Headers.ETag!.Tag;
            using var again = await env.Http.GetAsync(url);
            var label = $"z{z} tile, {bytes.Length / 1024.0:0.0} KiB";
            Console.WriteLine($"  {new Uri(url).PathAndQuery}: {again.Headers.GetValues("X-Tile-Cache").Single()}, Cache-Control: {again.Headers.CacheControl}");
            await using var lighttpd = await StaticServer.StartAsync(bytes);
            var envgis = await WrkAsync(url, null);
            var stat = await WrkAsync(lighttpd.Url, null);
            var revalidated = await WrkAsync(url, $"If-None-Match: {etag}");
            Print($"EnvGis /tiles, {label} (cache hit)", envgis);
            Print($"lighttpd, the same bytes as a file", stat);
            Print($"EnvGis If-None-Match → 304", revalidated);
            Console.WriteLine($"  {label}: EnvGis / static file server = {envgis.Rate / stat.Rate:0.00}");
            if (z == 14)
            {
                typical = envgis.Rate;
            }
        }

        Console.WriteLine($"  EnvGis hot tile (z14, typical size) {(typical >= Goal ? "OK" : "UNDER GOAL")} (goal: ≥ {Goal:N0} requests/s)");
    }

    private static void Print(string label, WrkResult r) =>
        Console.WriteLine($"  {label,-34} {r.Rate,12:N0} {r.P50,8:0.00} {r.P99,8:0.00} {r.Errors,12}");

    private sealed record WrkResult(double Rate, double P50, double P99, long Errors);

    private static async Task<WrkResult> WrkAsync(string url, string? header)
    {
        var arguments = new List<string> { "-t2", "-c64", "-d" + Duration, "--latency" };
        if (header is not null)
        {
            arguments.AddRange(["-H", header]);
        }

        arguments.Add(url);
        var start = new ProcessStartInfo(Tool("wrk")!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        double Number(string pattern)
        {
            var m = Regex.Match(output, pattern, RegexOptions.Multiline);
            return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        }

        double Millis(string label)
        {
            var m = Regex.Match(output, $@"^\s+{label}\s+([0-9.]+)(us|ms|s)", RegexOptions.Multiline);
            if (!m.Success)
            {
                return double.NaN;
            }

            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        }

        var errors = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)") is { Success: true } e ? long.Parse(e.Groups[1].Value) : 0;
        var socket = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
        if (socket.Success)
        {
            errors += Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value));
        }

        return new WrkResult(Number(@"^Requests/sec:\s+([0-9.]+)"), Millis("50%"), Millis("99%"), errors);
    }

    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>lighttpd serving one file (the tile's bytes) from a throwaway folder.</summary>
    private sealed class StaticServer(string directory, Process process, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public static async Task<StaticServer> StartAsync(byte[] bytes)
        {
            var directory = Path.Combine(Path.GetTempPath(), "envgis-static-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(Path.Combine(directory, "tile.mvt"), bytes);
            var port = FreePort();
            var config = Path.Combine(directory, "lighttpd.conf");
            await File.WriteAllTextAsync(config, $"""
                server.bind = "127.0.0.1"
                server.port = {port}
                server.document-root = "{directory}"
                server.errorlog = "{Path.Combine(directory, "errors.log")}"
                server.max-connections = 1024
                mimetype.assign = (".mvt" => "application/vnd.mapbox-vector-tile")
                """);
            var start = new ProcessStartInfo("/usr/sbin/lighttpd") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-D", "-f", config })
            {
                start.ArgumentList.Add(a);
            }

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var url = $"http://127.0.0.1:{port}/tile.mvt";
            using var http = new HttpClient();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    if ((await http.GetAsync(url)).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                }

                await Task.Delay(100);
            }

            return new StaticServer(directory, process, url);
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            Directory.Delete(directory, recursive: true);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
