using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EnvGis.Benchmarks;

/// <summary>
/// The public map's first paint in Debian's headless Chromium (README "Benchmarks", docs/portal.md):
/// from navigation to the map's first complete render with its tiles, on loopback and on a 4G-like
/// connection (Chrome DevTools' "Fast 4G": 9 Mbit/s down, 1.5 Mbit/s up, 60 ms round trip, through the
/// DevTools protocol), each with an empty cache (a first visit) and a warm one (a second visit).
/// The baseline, in the same run and page, is what the portal fetched before its first tile before
/// the bootstrap call: config, catalogue, then every layer's style and TileJSON (~37 requests).
/// </summary>
public static partial class PortalBenchmark
{
    private const int Rounds = 5;

    private static readonly Dictionary<string, object> FourG = new()
    {
        ["offline"] = false,
        ["latency"] = 60,
        ["downloadThroughput"] = 9_000_000 / 8,
        ["uploadThroughput"] = 1_500_000 / 8,
    };

    // Recorded by the page itself: the first render that has tiles loaded and none pending.
    private const string FirstPaintProbe = """
        new MutationObserver((_, observer) => {
          const data = document.body?.dataset;
          if (data && Number(data.renderCount) > 0 && Number(data.tilesLoaded) > 0 && data.tilesPending === '0' && !window.__envgisFirstPaint) {
            window.__envgisFirstPaint = performance.now();
            observer.disconnect();
          }
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-render-count'] });
        """;

    public static async Task RunAsync(BenchmarkEnvironment env)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        await PrintBundleAsync(env);
        Console.WriteLine($"Portal first paint (map drawn with its tiles), median of {Rounds}, 1280x800:");
        Console.WriteLine($"  {"",-28} {"empty cache",15} {"warm cache",15}");
        foreach (var (name, conditions) in new[] { ("loopback", (Dictionary<string, object>?)null), ("4G-like (9 Mbit/s, 60 ms)", FourG) })
        {
            var cold = new List<double>();
            var warm = new List<double>();
            var startup = new List<double>();
            var legacy = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
                await context.AddInitScriptAsync(FirstPaintProbe);
                var page = await context.NewPageAsync();
                var cdp = await context.NewCDPSessionAsync(page);
                await cdp.SendAsync("Network.enable");
                if (conditions is not null)
                {
                    await cdp.SendAsync("Network.emulateNetworkConditions", conditions);
                }

                cold.Add(await FirstPaintAsync(page, env.BaseUrl));
                warm.Add(await FirstPaintAsync(page, env.BaseUrl));
                var (one, many) = await StartupDataAsync(page);
                startup.Add(one);
                legacy.Add(many);
            }

            Console.WriteLine($"  {name,-28} {Stats.Median(cold),12:0} ms {Stats.Median(warm),12:0} ms");
            Stats.PrintRow("  start-up data: bootstrap", Stats.Median(startup), Stats.Median(legacy), "ms");
            Console.WriteLine($"    (baseline: the ~37 calls of the portal before the bootstrap; goal: first paint < {(conditions is null ? "1000" : "2500")} ms: "
                              + $"{(Stats.Median(cold) < (conditions is null ? 1000 : 2500) ? "met" : "NOT met")})");
        }
    }

    private static async Task<double> FirstPaintAsync(IPage page, Uri url)
    {
        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.__envgisFirstPaint > 0", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        return await page.EvaluateAsync<double>("() => window.__envgisFirstPaint");
    }

    /// <summary>The bootstrap call, and the calls it replaced (config, catalogue, each style and TileJSON), timed in the page.</summary>
    private static async Task<(double Bootstrap, double Legacy)> StartupDataAsync(IPage page)
    {
        var times = await page.EvaluateAsync<double[]>("""
            async () => {
              const get = (path) => fetch(path, { cache: 'no-store' }).then((r) => r.json());
              let t = performance.now();
              const boot = await get('api/portal/bootstrap');
              const one = performance.now() - t;
              t = performance.now();
              const [, catalogue] = await Promise.all([get('api/portal/config'), get('api/layers')]);
              const names = catalogue.categories.flatMap((c) => c.layers.map((l) => l.name));
              await Promise.all(names.flatMap((n) => [get(`api/layers/${n}/style`), get(`tiles/${n}.json`)]));
              const many = performance.now() - t;
              return Object.keys(boot.tiles).length > 0 ? [one, many] : [NaN, NaN];
            }
            """);
        return (times[0], times[1]);
    }

    /// <summary>What the public map loads before its first tile: index.html's script, style and module preloads.</summary>
    private static async Task PrintBundleAsync(BenchmarkEnvironment env)
    {
        var html = await env.Http.GetStringAsync("/");
        var files = BundleName().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        long raw = 0, gzip = 0, brotli = 0;
        foreach (var file in files)
        {
            var bytes = await env.Http.GetByteArrayAsync(file);
            raw += bytes.Length;
            gzip += Compressed(bytes, s => new GZipStream(s, CompressionLevel.SmallestSize));
            brotli += Compressed(bytes, s => new BrotliStream(s, CompressionLevel.SmallestSize));
        }

        Console.WriteLine($"Portal public bundle: {files.Count} files, {raw / 1024.0:0.0} KiB raw, {gzip / 1024.0:0.0} KiB gzip, {brotli / 1024.0:0.0} KiB Brotli "
                          + $"(goal: < 150 KB gzip: {(gzip < 150 * 1024 ? "met" : "NOT met")}); editing and administration load on sign-in");
    }

    private static long Compressed(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(bytes);
        }

        return output.Length;
    }

    [GeneratedRegex(@"(?:href|src)=""((?:chunks/)?[\w.-]+-[A-Z0-9]{8}\.(?:js|css))""")]
    private static partial Regex BundleName();
}
