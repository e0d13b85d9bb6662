using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Monitoring.MonitoringTestSupport;

namespace EnvGis.Server.Tests.Monitoring;

/// <summary>Datalogger files over HTTP end to end: loaded into observations, aggregates, VN_AQI and the station's live values, seen by the APIs and the map channels.</summary>
[Collection("server")]
public sealed class MonitoringUploadTests(ServerFixture server)
{
    [Fact]
    public async Task An_uploaded_file_reaches_the_station_list_the_series_the_AQI_and_the_maps_without_touching_the_records_history()
    {
        var (code, id) = await server.StationAsync();
        var start = HourStart(3);
        var lines = Hours("PM-2-5", 30, "µg/m3", start, 3).Concat(Hours("PM10", 60, "ug/m3", start, 3))
            .Concat(Hours("CO", 2.5, "mg/m3", start, 3)).ToList();
        using var admin = server.Admin();
        using var response = await admin.UploadAsync((FileName(code), Text(lines)));
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        var file = Assert.Single(body.GetProperty("files").EnumerateArray().ToList());
        Assert.Equal("loaded", file.GetProperty("status").GetString());
        Assert.Equal(lines.Count, file.GetProperty("acceptedLines").GetInt32());
        Assert.Equal(lines.Count, await server.ObservationCountAsync(id));

        // The station list: latest values in canonical units, latest hourly AQI (PM2.5 NowCast 30 → 60; PM10 60 → 55), not silent.
        using var anonymous = server.Basic();
        var stations = await anonymous.GetFromJsonAsync<JsonElement>("/api/monitoring/stations");
        var station = stations.EnumerateArray().Single(s => s.GetProperty("code").GetString() == code);
        Assert.Equal(60, station.GetProperty("aqi").GetInt32());
        Assert.Equal("moderate", station.GetProperty("aqiBand").GetString());
        Assert.False(station.GetProperty("silent").GetBoolean());
        Assert.Equal(2500, station.GetProperty("latest").EnumerateArray().Single(v => v.GetProperty("parameter").GetString() == "CO").GetProperty("value").GetDouble());

        // Hourly series, with the national limits for drawing.
        var series = await anonymous.GetFromJsonAsync<JsonElement>($"/api/monitoring/stations/{code}/observations?parameter=PM2.5&interval=hour&from={Uri.EscapeDataString(start.ToString("o"))}");
        Assert.True(series.GetProperty("provisional").GetBoolean());
        var pm = series.GetProperty("series")[0];
        Assert.Equal("µg/m³", pm.GetProperty("unit").GetString());
        Assert.Contains(pm.GetProperty("limits").EnumerateArray(), l => l.GetProperty("averaging").GetString() == "24h" && l.GetProperty("high").GetDouble() == 45);
        Assert.All(pm.GetProperty("values").EnumerateArray(), v => Assert.Equal(30, v.GetProperty("value").GetDouble(), 9));

        // CSV download of the same.
        using var csv = await anonymous.GetAsync($"/api/monitoring/stations/{code}/observations?parameter=CO&interval=raw&format=csv&from={Uri.EscapeDataString(start.ToString("o"))}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvText = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("station,parameter,unit,interval,time,value", csvText.TrimStart('\uFEFF'));
        Assert.Contains($"{code},CO,µg/m³,raw,", csvText);
        Assert.True(csv.Headers.CacheControl is { Private: true, NoStore: true }, csv.Headers.CacheControl?.ToString());

        // The AQI by hour.
        var aqi = await anonymous.GetFromJsonAsync<JsonElement>($"/api/monitoring/stations/{code}/aqi?interval=hour&from={Uri.EscapeDataString(start.ToString("o"))}");
        var last = aqi.EnumerateArray().Last();
        Assert.Equal(60, last.GetProperty("aqi").GetInt32());
        Assert.Equal("PM2.5", last.GetProperty("dominant").GetString());
        Assert.Equal(55, last.GetProperty("subIndices").GetProperty("PM10").GetInt32());

        // The maps read the live columns like any attribute: WFS GeoJSON shows the band; the record's version and history did not move.
        using var wfs = await anonymous.GetAsync($"/wfs?service=WFS&version=2.0.0&request=GetFeature&resourceId=monitoring_stations.{id}&outputFormat=application/json");
        var feature = (await wfs.JsonAsync()).GetProperty("features")[0].GetProperty("properties");
        Assert.Equal("moderate", feature.GetProperty("aqi_band").GetString());
        Assert.Equal(1, await server.ScalarAsync<int>("SELECT version FROM data.monitoring_stations WHERE id = $1", id));
        Assert.Equal(1L, await server.ScalarAsync<long>("SELECT count(*) FROM envgis.record_history WHERE layer = 'monitoring_stations' AND record_id = $1", id));
    }

    [Fact]
    public async Task A_reporter_uploads_for_its_enterprises_station_and_a_client_with_a_bearer_token_for_its_units_but_not_for_another_unit()
    {
        var (own, ownId) = await server.StationAsync(owner: "dn-giay-song-cam", type: "wastewater");
        var (foreign, foreignId) = await server.StationAsync(owner: "dn-thep-hai-long", type: "wastewater");
        var reporter = await server.CreateUserAsync("dn-giay-song-cam", "reporter");
        using var client = reporter.Client(server);
        var at = HourStart(1);
        using (var loaded = await client.UploadAsync((FileName(own), Text(Hours("COD", 40, "mg/l", at, 1)))))
        {
            Assert.True(loaded.StatusCode == HttpStatusCode.OK, await loaded.Content.ReadAsStringAsync());
        }

        using (var refused = await client.UploadAsync((FileName(foreign), Text(Hours("COD", 40, "mg/l", at, 1)))))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = (await refused.JsonAsync()).GetProperty("files")[0].GetProperty("rejectedLines")[0];
            Assert.Equal("other-unit-station", problem.GetProperty("code").GetString());
        }

        Assert.Equal(12L, await server.ObservationCountAsync(ownId));
        Assert.Equal(0L, await server.ObservationCountAsync(foreignId));

        // A connection (client) account granted writing, with a bearer token, for a station of its own unit.
        var (clientStation, clientStationId) = await server.StationAsync(owner: "ket-noi-bo-nnmt");
        var connection = await server.CreateUserAsync("ket-noi-bo-nnmt", "client", clientCanWrite: true);
        using var admin = server.Admin();
        var token = (await (await admin.PostAsJsonAsync($"/api/admin/users/{connection.Name}/tokens", new { name = "datalogger", expiresInDays = 30 })).JsonAsync())
            .GetProperty("token").GetString()!;
        using var bearer = server.Bearer(token);
        using (var loaded = await bearer.UploadAsync((FileName(clientStation), Text(Hours("SO2", 20, "ug/m3", at, 1)))))
        {
            Assert.True(loaded.StatusCode == HttpStatusCode.OK, await loaded.Content.ReadAsStringAsync());
        }

        Assert.Equal(12L, await server.ObservationCountAsync(clientStationId));
    }

    public static TheoryData<string, string, int> BadFiles() => new()
    {
        { "unknown-station", "unknown-station", 0 },
        { "unknown-parameter", "unknown-parameter", 2 },
        { "malformed", "malformed-line", 2 },
        { "non-numeric", "non-numeric-value", 2 },
        { "future", "future-time", 2 },
        { "too-old", "too-old", 2 },
        { "unknown-status", "unknown-status", 2 },
        { "empty", "empty-file", 0 },
        { "50 MB", "file-too-large", 0 },
        { "zip bomb", "zip-bomb", 0 },
        { "zip path", "zip-path", 0 },
        { "other unit", "other-unit-station", 0 },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_rejected_with_its_reason_nothing_is_stored_and_the_server_stays_up(string kind, string code, int line)
    {
        var (station, id) = await server.StationAsync();
        var (foreign, foreignId) = await server.StationAsync(owner: "bql-kkt");
        var at = HourStart(1).AddMinutes(5);
        var good = Line("PM2.5", 20, "ug/m3", at);
        (string Name, byte[] Content) file = kind switch
        {
            "unknown-station" => (FileName("NO-SUCH-STATION"), Text([good])),
            "unknown-parameter" => (FileName(station), Text([good, Line("Radon", 5, "Bq/m3", at)])),
            "malformed" => (FileName(station), Text([good, "PM10\t20\tug/m3\t" + at.ToOffset(Vietnam).ToString("yyyyMMddHHmmss")])),
            "non-numeric" => (FileName(station), Text([good, Line("PM10", 0, "ug/m3", at).Replace("\t0\t", "\tabc\t")])),
            "future" => (FileName(station), Text([good, Line("PM10", 20, "ug/m3", DateTimeOffset.UtcNow.AddMinutes(15))])),
            "too-old" => (FileName(station), Text([good, Line("PM10", 20, "ug/m3", DateTimeOffset.UtcNow.AddDays(-61))])),
            "unknown-status" => (FileName(station), Text([good, Line("PM10", 20, "ug/m3", at, "07")])),
            "empty" => (FileName(station), []),
            "50 MB" => (FileName(station), Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(good + "\n", 50 * 1024 * 1024 / (good.Length + 1) + 1)))),
            "zip bomb" => ("bomb.zip", Zip((FileName(station), new byte[9 * 1024 * 1024]))),
            "zip path" => ("climb.zip", Zip((FileName(station), Text([good])), ("../../x.txt", Text([good])))),
            "other unit" => (FileName(foreign), Text([good])),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        // A reporter-like account of the Department's unit: the administrator would pass the "other unit" check.
        var editor = await server.CreateUserAsync("so-nnmt", "editor");
        using var client = editor.Client(server);
        using var response = await client.UploadAsync(file);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{kind}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
        var result = JsonDocument.Parse(body).RootElement.GetProperty("files")[0];
        Assert.Equal("rejected", result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("rejectedLines").EnumerateArray(),
            p => p.GetProperty("code").GetString() == code && p.GetProperty("line").GetInt32() == line && p.GetProperty("reason").GetString()!.Length > 0);
        Assert.Equal(0L, await server.ObservationCountAsync(id));
        Assert.Equal(0L, await server.ObservationCountAsync(foreignId));
        using var health = await server.Basic().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Uploads_need_a_signed_in_caller_and_a_multipart_body()
    {
        using var anonymous = server.Basic();
        using var unsigned = await anonymous.UploadAsync(("x.txt", [1]));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("not-signed-in", (await unsigned.JsonAsync()).GetProperty("code").GetString());

        using var admin = server.Admin();
        using var json = await admin.PostAsJsonAsync("/api/monitoring/files", new { file = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("not-multipart", (await json.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Measured_columns_cannot_be_set_through_the_records_API()
    {
        var (_, id) = await server.StationAsync();
        using var admin = server.Admin();
        using var response = await admin.PatchAsync($"/api/layers/monitoring_stations/records/{id}",
            JsonContent.Create(new { properties = new { aqi = 5, version = 1 } }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("measured", (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0L, await server.ScalarAsync<long>("SELECT count(*) FROM data.monitoring_stations WHERE id = $1 AND aqi IS NOT NULL", id));
    }
}
