using System.Net;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.PortalEditing;
using EnvGis.Server.Tests.Security;
using Microsoft.Playwright;
using static EnvGis.Server.Tests.Monitoring.MonitoringTestSupport;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.Monitoring;

/// <summary>
/// The station popup in Chromium: an air station coloured by its live AQI band in the tiles, its latest
/// VN_AQI with the health advice, the "provisional data" label, a uPlot chart of hourly AQI or any
/// parameter with the applicable limit and the calibrating hours marked, 24 h / 7 d / 30 d, CSV download,
/// Vietnamese and English. Waits on the view's data-state, never on time.
/// </summary>
[Collection("server")]
public sealed class StationChartPortalTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    private const double Lon = 106.905;
    private const double Lat = 20.915;

    [Fact]
    public async Task The_station_popup_shows_the_AQI_advice_and_a_chart_with_the_limit_and_flagged_hours()
    {
        var (code, id) = await server.StationAsync(lon: Lon, lat: Lat);
        var start = HourStart(3);
        // PM2.5 and PM10 at 40 for three hours (NowCast 40 → PM2.5 sub-index 80, moderate); an hour of PM2.5 calibration readings.
        var lines = Hours("PM2.5", 40, "ug/m3", start, 2).Concat(Hours("PM2.5", 40, "ug/m3", start.AddHours(2), 1, "01").Take(3))
            .Concat(Hours("PM2.5", 40, "ug/m3", start.AddHours(2), 1).Skip(3)).Concat(Hours("PM10", 40, "ug/m3", start, 3)).ToList();
        using (var admin = server.Admin())
        using (var upload = await admin.UploadAsync((FileName(code), Text(lines))))
        {
            Assert.True(upload.StatusCode == HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        }

        var visitor = await browsers.Browser.OpenAsync(server);
        await visitor.ViewAsync(Lon, Lat, 15);
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await visitor.FeatureIdsAtAsync("monitoring_stations", Lon, Lat));
        var band = await visitor.Page.EvaluateAsync<string>("""
            ([lon, lat]) => {
              const pixel = window.envgisMap.getPixelFromCoordinate(window.envgis.fromLonLat([lon, lat]));
              return window.envgis.featuresAtPixel(pixel).find((hit) => hit.layer === 'monitoring_stations').properties.aqi_band;
            }
            """, new[] { Lon, Lat });
        Assert.Equal("moderate", band);

        await visitor.ClickMapAsync(Lon, Lat);
        var section = visitor.Page.Locator($".popup section.station-monitoring[data-code='{code}']");
        await Expect(section).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });
        await Expect(section.Locator("[data-testid=provisional]")).ToHaveTextAsync("Số liệu tạm thời, chưa được kiểm định");
        await Expect(section.Locator("[data-testid=station-aqi]")).ToHaveAttributeAsync("data-band", "moderate");
        await Expect(section.Locator("[data-testid=station-aqi]")).ToContainTextAsync("Trung bình");
        await Expect(section.Locator("[data-testid=aqi-advice]")).ToContainTextAsync("nhóm nhạy cảm");

        // Hourly AQI first: three hours drawn on a canvas.
        var chart = section.Locator("[data-testid=station-chart]");
        await Expect(chart).ToHaveAttributeAsync("data-series", "aqi");
        Assert.True(int.Parse(await chart.GetAttributeAsync("data-points") ?? "0") >= 2);
        Assert.Equal(1, await chart.Locator("canvas").CountAsync());

        // PM2.5 hourly means: the 24-hour limit of QCVN 05:2023 (45 µg/m³ since 2026) as a line, the calibration hour marked.
        await section.Locator("[data-testid=station-series]").SelectOptionAsync("PM2.5");
        await Expect(chart).ToHaveAttributeAsync("data-series", "PM2.5");
        await Expect(section).ToHaveAttributeAsync("data-state", "ready");
        await Expect(chart).ToHaveAttributeAsync("data-limit", "45");
        await Expect(chart).ToHaveAttributeAsync("data-flagged", "1");
        await Expect(section.Locator(".legend-limit")).ToContainTextAsync("QCVN 05:2023/BTNMT");
        await visitor.ScreenshotAsync("station-popup-chart.png");
        await section.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotDir, "station-popup-chart-section.png") });

        // 7 days, and the CSV download of what is shown.
        await section.Locator("button[data-period='7d']").ClickAsync();
        await Expect(section.Locator("button[data-period='7d']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(section).ToHaveAttributeAsync("data-state", "ready");
        var link = section.Locator("[data-testid=station-csv]");
        Assert.NotNull(await link.GetAttributeAsync("download"));
        var csv = await visitor.Page.EvaluateAsync<string>(
            "async (href) => { const r = await fetch(href); return r.headers.get('content-disposition') + '\\n' + await r.text(); }",
            await link.EvaluateAsync<string>("a => a.href"));
        Assert.StartsWith("attachment;", csv);
        Assert.Contains($"{code},PM2.5,µg/m³,hour,", csv);

        // English: the open popup follows the switch.
        await visitor.Page.Locator("[data-lang=en]").ClickAsync();
        var english = visitor.Page.Locator($".popup:not([hidden]) section.station-monitoring[data-code='{code}']");
        await Expect(english.Locator("h4")).ToHaveTextAsync("Automatic monitoring data");
        await Expect(english).ToHaveAttributeAsync("data-state", "ready");
        await Expect(english.Locator("[data-testid=provisional]")).ToHaveTextAsync("Provisional data, not validated");
        await Expect(english.Locator("[data-testid=station-aqi]")).ToContainTextAsync("Moderate");
        await Expect(english.Locator("[data-testid=aqi-advice]")).ToContainTextAsync("sensitive groups");
        await visitor.ScreenshotAsync("station-popup-chart-en.png");
        visitor.Log.AssertClean();
    }

    [Fact]
    public async Task A_station_without_data_still_says_its_data_are_provisional_and_that_there_are_none_yet()
    {
        const double lon = 106.935, lat = 20.935;
        var (code, _) = await server.StationAsync(type: "surface_water", lon: lon, lat: lat);
        var visitor = await browsers.Browser.OpenAsync(server);
        await visitor.ViewAsync(lon, lat, 15);
        await visitor.ClickMapAsync(lon, lat);
        var section = visitor.Page.Locator($".popup section.station-monitoring[data-code='{code}']");
        await Expect(section).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });
        await Expect(section.Locator("[data-testid=provisional]")).ToHaveTextAsync("Số liệu tạm thời, chưa được kiểm định");
        await Expect(section.Locator("[data-testid=station-no-data]")).ToHaveTextAsync("Trạm chưa gửi số liệu nào.");
        Assert.Equal(0, await section.Locator("[data-testid=station-chart]").CountAsync());

        await visitor.Page.Locator("[data-lang=en]").ClickAsync();
        var english = visitor.Page.Locator($".popup:not([hidden]) section.station-monitoring[data-code='{code}']");
        await Expect(english).ToHaveAttributeAsync("data-state", "ready");
        await Expect(english.Locator("[data-testid=provisional]")).ToHaveTextAsync("Provisional data, not validated");
        await Expect(english.Locator("[data-testid=station-no-data]")).ToHaveTextAsync("This station has not sent any readings yet.");
        visitor.Log.AssertClean();
    }
}
