using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Hostile.Hostile;

namespace EnvGis.Server.Tests.Hostile;

/// <summary>WMS under hostile parameters: an exception report (4xx) with a whole body, nothing changed; valid extremes still answer.</summary>
[Collection("server")]
public sealed class WmsHostileTests(ServerFixture server)
{
    private const string Map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&FORMAT=image/png&STYLES=";
    private const string View = "&CRS=EPSG:4326&BBOX=20.6,106.5,21.0,107.0&WIDTH=256&HEIGHT=256";
    private const string Info = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=communes&QUERY_LAYERS=communes&STYLES="
        + "&CRS=EPSG:4326&BBOX=20.6,106.5,21.0,107.0&WIDTH=256&HEIGHT=256&INFO_FORMAT=application/json";

    public static TheoryData<string> Refused => new()
    {
        Map + "&LAYERS=communes&CRS=EPSG:4326&BBOX=20.6,106.5,21.0,107.0&WIDTH=0&HEIGHT=256",
        Map + "&LAYERS=communes&CRS=EPSG:4326&BBOX=20.6,106.5,21.0,107.0&WIDTH=-1&HEIGHT=256",
        Map + "&LAYERS=communes&CRS=EPSG:4326&BBOX=20.6,106.5,21.0,107.0&WIDTH=99999999999&HEIGHT=256",
        Map + "&LAYERS=communes&CRS=EPSG:4326&BBOX=20.6,106.5,21.0,107.0&WIDTH=100000&HEIGHT=100000",
        Map + "&LAYERS=communes&CRS=EPSG:4326&BBOX=NaN,106.5,21.0,107.0&WIDTH=256&HEIGHT=256",
        Map + "&LAYERS=communes&CRS=EPSG:4326&BBOX=-Infinity,106.5,21.0,107.0&WIDTH=256&HEIGHT=256",
        Map + "&LAYERS=communes&CRS=EPSG:4326&BBOX=1e400,106.5,21.0,107.0&WIDTH=256&HEIGHT=256",
        Map + "&LAYERS=communes&CRS=EPSG:4326&BBOX=21.0,107.0,20.6,106.5&WIDTH=256&HEIGHT=256",
        Map + "&LAYERS=communes&CRS=EPSG:4326&BBOX=20.6,106.5,21.0&WIDTH=256&HEIGHT=256",
        Map + "&LAYERS=communes&CRS=EPSG:99999&BBOX=20.6,106.5,21.0,107.0&WIDTH=256&HEIGHT=256",
        Map + "&LAYERS=communes&CRS=EPSG:4326%00&BBOX=20.6,106.5,21.0,107.0&WIDTH=256&HEIGHT=256",
        Map + "&LAYERS=no_such_layer" + View,
        Map + "&LAYERS=communes%00%01%02" + View,
        Map + "&LAYERS=%FF%FE%01" + View,
        Map + "&LAYERS=communes'%3B DROP TABLE data.communes%3B--" + View,
        Map.Replace("STYLES=", "STYLES=%01evil", StringComparison.Ordinal) + "&LAYERS=communes" + View,
        Map + "&LAYERS=communes&TIME=0001-01-01T00:00:00%2B14:00" + View,
        // Instants after 9999-12-31 in Việt Nam time (UTC+7) are outside every date: refused with the
        // reason, the same rule as CQL2 and WFS (docs/filters.md), never an overflow.
        Map + "&LAYERS=communes&TIME=9999-12-31T23:30:00Z" + View,
        Map + "&LAYERS=communes&TIME=9999-12-31T23:59:59%2B00:00" + View,
        Map + "&LAYERS=communes&TIME=0001-01-01/9999-12-31T23:59:59Z" + View,
        Info + "&I=128&J=128&TIME=9999-12-31T23:30:00Z",
        Map.Replace("image/png", "image/evil%01", StringComparison.Ordinal) + "&LAYERS=communes" + View,
        Map + "&LAYERS=communes&TIME=2024-13-45" + View,
        Map + "&LAYERS=communes&TIME=99999-01-01" + View,
        Map + "&LAYERS=communes&TIME=2024-01-01/2023-01-01" + View,
        Map + "&LAYERS=communes&TIME=%01" + View,
        Map + "&LAYERS=communes&TIME=" + string.Join(",", Enumerable.Repeat("2024", 101)) + View,
        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=%00GetMap",
        "/wms?SERVICE=WMS&VERSION=9.9.9&REQUEST=GetMap",
        Info + "&I=-1&J=10",
        Info + "&I=10&J=99999999999",
        Info + "&I=NaN&J=10",
        Info + "&I=10&J=10&FEATURE_COUNT=-5",
        Info + "&I=10&J=10&BUFFER=-1",
        Info + "&I=10&J=10&BUFFER=1e9",
        Info.Replace("QUERY_LAYERS=communes", "QUERY_LAYERS=rivers", StringComparison.Ordinal) + "&I=10&J=10",
        Info.Replace("application/json", "text/evil%01", StringComparison.Ordinal) + "&I=10&J=10",
        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=communes&WIDTH=100000",
        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=%01",
        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=communes&SCALE=-1",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Bad_WMS_requests_are_exception_reports_and_change_nothing(string request)
    {
        var before = await server.FingerprintAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        await AssertOgcRefusalAsync(client, Get(request));
        Assert.Equal(before, await server.FingerprintAsync());
    }

    public static TheoryData<string> Answered => new()
    {
        // Year 9999 (issue 9): no date overflow; the last day in the city's time is answered.
        Map + "&LAYERS=communes&TIME=9999-12-31T16:59:59Z" + View,
        Map + "&LAYERS=communes&TIME=0001-01-01/9999-12-31" + View,
        Map + "&LAYERS=communes&TIME=9999-12" + View,
        Map + "&LAYERS=communes&TIME=9999" + View,
        Info + "&I=128&J=128&TIME=9999-12",
        // BUFFER=0 on polygons: the polygon under the pixel is found.
        Info + "&I=128&J=128&BUFFER=0",
    };

    [Theory]
    [MemberData(nameof(Answered))]
    public async Task Extreme_but_valid_requests_are_answered(string request)
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        await AssertAnsweredAsync(client, Get(request), HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetFeatureInfo_with_BUFFER_0_finds_the_commune_under_the_pixel()
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var body = System.Text.Encoding.UTF8.GetString(await AssertAnsweredAsync(client, Get(Info + "&I=128&J=128&BUFFER=0")));
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.NotEmpty(json.RootElement.GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task Control_characters_echoed_into_an_exception_arrive_as_a_whole_parsable_document()
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        foreach (var version in new[] { "1.3.0", "1.1.1" })
        {
            var root = await AssertOgcRefusalAsync(client, Get($"/wms?SERVICE=WMS&VERSION={version}&REQUEST=GetMap&LAYERS=a%00b%01c%1Fd&STYLES=&FORMAT=image/png{View}"));
            Assert.Contains("LAYERS contains the control character U+0000", root.Value);
        }
    }
}
