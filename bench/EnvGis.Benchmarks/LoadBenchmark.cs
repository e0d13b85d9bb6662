using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EnvGis.Benchmarks;

/// <summary>
/// Mixed load (docs/tiles.md, README "Benchmarks"): 200 concurrent clients for 60 s, each picking by
/// weight anonymous tiles (versioned URLs as the portal uses them, some revalidated with their
/// ETag), WMS maps, WFS features, API reads, and signed-in edits through the portal's session.
/// Prints per kind the requests, errors (goal 0), p50 and p99, the requests per second, the tile
/// cache hit ratio and the share of 304 answers.
/// </summary>
public static class LoadBenchmark
{
    public const int Clients = 200;
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchmarkEnvironment env)
    {
        var load = await MixedLoad.PrepareAsync(env);
        Console.WriteLine($"Mixed load: {Clients} concurrent clients for {Duration.TotalSeconds:0} s ({load.Describe()})");
        var result = await load.RunAsync(Clients, Duration, CancellationToken.None);
        result.Print();
    }
}

/// <summary>The request mix of the load benchmark, also used under the fault benchmarks.</summary>
public sealed class MixedLoad
{
    private static readonly (string Kind, int Weight)[] Mix =
        [("tile", 50), ("tile-304", 5), ("wms", 8), ("wfs", 10), ("api", 22), ("edit", 5)];

    private readonly BenchmarkEnvironment env;
    private readonly List<string> tileUrls;
    private readonly List<(string Url, string ETag)> revalidations;
    private readonly List<long> editable;
    private readonly HttpClient http;

    private MixedLoad(BenchmarkEnvironment env, List<string> tileUrls, List<(string, string)> revalidations, List<long> editable)
    {
        this.env = env;
        this.tileUrls = tileUrls;
        this.revalidations = revalidations;
        this.editable = editable;
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseCookies = false })
        {
            BaseAddress = env.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public string Describe() => string.Join(", ", Mix.Select(m => $"{m.Kind} {m.Weight} %")) + $"; {tileUrls.Count} tile URLs";

    public static async Task<MixedLoad> PrepareAsync(BenchmarkEnvironment env)
    {
        var tiles = new List<string>();
        var random = new Random(7);
        foreach (var layer in new[] { BenchmarkEnvironment.SyntheticLayer, "communes", "protected_areas", "rivers", "monitoring_stations" })
        {
            using var json = JsonDocument.Parse(await env.Http.GetStringAsync($"/tiles/{layer}.json"));
            var template = json.RootElement.GetProperty("tiles")[0].GetString()!;
            var extent = json.RootElement.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
            foreach (var t in TileBenchmark.TileSet(extent, 8, 15).OrderBy(_ => random.Next()).Take(120))
            {
                tiles.Add(new Uri(template.Replace("{z}", I(t.Z)).Replace("{x}", I(t.X)).Replace("{y}", I(t.Y))).PathAndQuery);
            }
        }

        var revalidations = new List<(string, string)>();
        foreach (var url in tiles.Take(40))
        {
            using var response = await env.Http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                revalidations.Add((url, response.Headers.ETag!.Tag));
            }
        }

        // Records the signed-in editors change, one per editing client at a time.
        var ids = new List<long>();
        await using (var command = env.DataSource.CreateCommand("""
            INSERT INTO data.environmental_incidents (name, incident_type, occurred_on, owner_unit, status, created_by, updated_by, geom)
            SELECT 'Tải thử ' || i, 'other', DATE '2025-01-01', 'so-nnmt', 'draft', 'bench', 'bench',
                   ST_SetSRID(ST_MakePoint(106.5 + (i % 40) * 0.01, 20.7 + (i / 40) * 0.01), 4326)
            FROM generate_series(1, 400) AS i
            RETURNING id
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return new MixedLoad(env, tiles, revalidations, ids);
    }

    public async Task<LoadResult> RunAsync(int clients, TimeSpan duration, CancellationToken ct, Func<string, bool>? includeKind = null)
    {
        var session = await SignInAsync();
        var result = new LoadResult();
        var queue = new ConcurrentQueue<(long Id, int Version)>(editable.Select(id => (id, 1)));
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var random = new Random(i * 7919);
            while (watch.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var kind = Pick(random);
                if (includeKind is not null && !includeKind(kind))
                {
                    continue;
                }

                var started = Stopwatch.GetTimestamp();
                var (ok, status, cache) = await SendAsync(kind, random, session, queue, ClientAddress(i));
                result.Add(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok, status, cache);
            }
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(workers);
        result.Seconds = watch.Elapsed.TotalSeconds;
        return result;
    }

    private static string Pick(Random random)
    {
        var roll = random.Next(Mix.Sum(m => m.Weight));
        foreach (var (kind, weight) in Mix)
        {
            if ((roll -= weight) < 0)
            {
                return kind;
            }
        }

        return Mix[0].Kind;
    }

    // Each client has its own address, forwarded by the benchmark as the load balancer in front of the
    // server would (BenchmarkEnvironment trusts 127.0.0.1 as that proxy): the per-address limits
    // (docs/hardening.md) then see 200 users, as in production, not one address making 200 calls.
    private static string ClientAddress(int client) => FormattableString.Invariant($"10.20.{client / 250}.{client % 250 + 1}");

    private async Task<(bool Ok, int Status, string? Cache)> SendAsync(string kind, Random random, Session session,
        ConcurrentQueue<(long Id, int Version)> queue, string clientAddress)
    {
        (long Id, int Version)? editing = null;
        try
        {
            using var request = Request(kind, random, session, queue, out editing);
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", clientAddress);
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            var status = (int)response.StatusCode;
            var cache = response.Headers.TryGetValues("X-Tile-Cache", out var values) ? values.Single() : null;
            if (editing is { } record)
            {
                // The next edit of this record names the version this one made (W/"n").
                var version = response.Headers.ETag?.Tag is { } tag && int.TryParse(tag.Trim('"'), out var v) ? v : await VersionAsync(record.Id);
                queue.Enqueue((record.Id, version));
                editing = null;
            }

            var ok = kind switch
            {
                "tile-304" => status == 304,
                "tile" => status is 200 or 204,
                _ => status is 200,
            };
            return (ok, status, cache);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            if (editing is { } record)
            {
                queue.Enqueue((record.Id, await VersionAsync(record.Id)));
            }

            return (false, 0, null);
        }
    }

    private async Task<int> VersionAsync(long id)
    {
        try
        {
            await using var command = env.DataSource.CreateCommand("SELECT version FROM data.environmental_incidents WHERE id = $1");
            command.Parameters.AddWithValue(id);
            return (int)(await command.ExecuteScalarAsync())!;
        }
        catch (Npgsql.NpgsqlException)
        {
            return 1;
        }
    }

    private HttpRequestMessage Request(string kind, Random random, Session session, ConcurrentQueue<(long Id, int Version)> queue,
        out (long Id, int Version)? editing)
    {
        editing = null;
        switch (kind)
        {
            case "tile":
                return new HttpRequestMessage(HttpMethod.Get, tileUrls[random.Next(tileUrls.Count)]);
            case "tile-304":
                var (url, etag) = revalidations[random.Next(revalidations.Count)];
                var conditional = new HttpRequestMessage(HttpMethod.Get, url);
                conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
                return conditional;
            case "wms":
                var (lon, lat) = (106.3 + random.NextDouble() * 0.8, 20.65 + random.NextDouble() * 0.45);
                return new HttpRequestMessage(HttpMethod.Get, FormattableString.Invariant(
                    $"/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=land,communes,protected_areas,rivers&STYLES=&SRS=EPSG:4326&BBOX={lon},{lat},{lon + 0.02},{lat + 0.02}&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"));
            case "wfs":
                var (x, y) = (106.2 + random.NextDouble() * 0.9, 20.65 + random.NextDouble() * 0.5);
                return new HttpRequestMessage(HttpMethod.Get, FormattableString.Invariant(
                    $"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:{BenchmarkEnvironment.SyntheticLayer}&COUNT=50&OUTPUTFORMAT=application/json&BBOX={y},{x},{y + 0.01},{x + 0.01},urn:ogc:def:crs:EPSG::4326"));
            case "api":
                string[] reads = ["/api/layers", "/api/layers/communes/records?limit=20", "/tiles/communes.json", "/api/portal/config", "/api/layers/protected_areas/style"];
                return new HttpRequestMessage(HttpMethod.Get, reads[random.Next(reads.Length)]);
            default:
                if (!queue.TryDequeue(out var record))
                {
                    return new HttpRequestMessage(HttpMethod.Get, "/api/layers");
                }

                editing = record;
                var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/layers/environmental_incidents/records/{record.Id}")
                {
                    Content = JsonContent.Create(new { properties = new { name = "Sửa khi tải " + random.Next(1000), version = record.Version } }),
                };
                patch.Headers.TryAddWithoutValidation("Cookie", session.Cookie);
                patch.Headers.TryAddWithoutValidation("X-CSRF-TOKEN", session.Token);
                return patch;
        }
    }

    private sealed record Session(string Cookie, string Token);

    // The administrator signs in through the portal once; edits then ride on the session cookie (no password hashing per request).
    private async Task<Session> SignInAsync()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = env.BaseUrl };
        using var antiforgery = JsonDocument.Parse(await browser.GetStringAsync("/api/account/antiforgery"));
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in")
        {
            Content = JsonContent.Create(new { userName = "admin", password = BenchmarkEnvironment.AdminPassword }),
        };
        signIn.Headers.Add("X-CSRF-TOKEN", antiforgery.RootElement.GetProperty("token").GetString());
        using var response = await browser.SendAsync(signIn);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Session(cookies.GetCookieHeader(env.BaseUrl), body.RootElement.GetProperty("antiforgeryToken").GetString()!);
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What a load run measured.</summary>
public sealed class LoadResult
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new();
    private readonly ConcurrentDictionary<string, int> errors = new();
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private long hits;
    private long misses;
    private long bypasses;

    public double Seconds { get; set; }

    public int Status(int status) => statuses.GetValueOrDefault(status);

    public int Errors => errors.Values.Sum();

    public void Add(string kind, double ms, bool ok, int status, string? cache)
    {
        latencies.GetOrAdd(kind, _ => []).Add(ms);
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (!ok)
        {
            errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }

        switch (cache)
        {
            case "hit": Interlocked.Increment(ref hits); break;
            case "miss": Interlocked.Increment(ref misses); break;
            case "bypass": Interlocked.Increment(ref bypasses); break;
        }
    }

    public void Print()
    {
        var total = latencies.Values.Sum(v => v.Count);
        Console.WriteLine($"  {"kind",-10} {"requests",9} {"errors",7} {"p50 ms",9} {"p99 ms",9}");
        foreach (var (kind, samples) in latencies.OrderBy(k => k.Key))
        {
            var list = samples.ToList();
            Console.WriteLine($"  {kind,-10} {list.Count,9} {errors.GetValueOrDefault(kind),7} {Stats.Percentile(list, 0.5),9:0.0} {Stats.Percentile(list, 0.99),9:0.0}");
        }

        var tiles = hits + misses + bypasses;
        Console.WriteLine($"  all: {total} requests in {Seconds:0.0} s = {total / Seconds:N0} requests/s; errors {Errors} (goal 0)");
        Console.WriteLine($"  statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key.ToString(CultureInfo.InvariantCulture))}: {s.Value}"))}");
        Console.WriteLine($"  tile cache: {hits} hits, {misses} misses, {bypasses} bypassed = hit ratio {(tiles == 0 ? 0 : (double)hits / tiles):0.0%}; 304 answers: {Status(304)} ({(double)Status(304) / Math.Max(1, total):0.0%} of all)");
    }
}
