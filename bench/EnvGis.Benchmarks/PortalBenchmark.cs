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

    // Recorded by the page itself: the map ready (bootstrap in, layers and panel built), the first
    // frame with tiles drawn (what the visitor first sees of the data), and the first complete render
    // (every tile of the view loaded and drawn).
    private const string FirstPaintProbe = """
        window.__envgis = {};
        new MutationObserver((_, observer) => {
          const data = document.body?.dataset;
          const at = performance.now();
          if (!data) return;
          if (data.ready === 'true' && !window.__envgis.ready) window.__envgis.ready = at;
          if (Number(data.tilesLoaded) > 0 && !window.__envgis.tiles && window.envgisMap) {
            window.envgisMap.once('postrender', () => { window.__envgis.tiles ??= performance.now(); });
          }
          if (Number(data.renderCount) > 0 && Number(data.tilesLoaded) > 0 && data.tilesPending === '0' && !window.__envgis.complete) {
            window.__envgis.complete = at;
            observer.disconnect();
          }
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-render-count', 'data-ready', 'data-tiles-loaded'] });
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
        Console.WriteLine($"Portal first paint, median of {Rounds}, 1280x800 (empty cache: ready / first tiles drawn / every tile drawn; warm cache: every tile drawn):");
        Console.WriteLine($"  {"",-28} {"ready",9} {"first tiles",12} {"all tiles",10} {"warm: all",10}");
        foreach (var (name, conditions) in new[] { ("loopback", (Dictionary<string, object>?)null), ("4G-like (9 Mbit/s, 60 ms)", FourG) })
        {
            var cold = new List<double[]>();
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
                warm.Add((await FirstPaintAsync(page, env.BaseUrl))[2]);
                var (one, many) = await StartupDataAsync(page);
                startup.Add(one);
                legacy.Add(many);
            }

            var firstTiles = Stats.Median(cold.Select(c => c[1]).ToList());
            Console.WriteLine($"  {name,-28} {Stats.Median(cold.Select(c => c[0]).ToList()),6:0} ms {firstTiles,9:0} ms {Stats.Median(cold.Select(c => c[2]).ToList()),7:0} ms {Stats.Median(warm),7:0} ms");
            Stats.PrintRow("  start-up data: bootstrap", Stats.Median(startup), Stats.Median(legacy), "ms");
            var goal = conditions is null ? 1000 : 2500;
            Console.WriteLine($"    (baseline: the ~37 calls of the portal before the bootstrap; goal: first paint < {goal} ms: {(firstTiles < goal ? "met" : "NOT met")})");
        }
    }

    /// <summary>Milliseconds from navigation: ready, first tiles drawn, every tile drawn.</summary>
    private static async Task<double[]> FirstPaintAsync(IPage page, Uri url)
    {
        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.__envgis?.complete > 0 && window.__envgis.tiles > 0", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        return await page.EvaluateAsync<double[]>("() => [window.__envgis.ready, window.__envgis.tiles, window.__envgis.complete]");
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
            gzip += Compressed(bytes, s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true));
            brotli += Compressed(bytes, s => new BrotliStream(s, CompressionLevel.SmallestSize, leaveOpen: true));
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
