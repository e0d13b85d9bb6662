using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Data.Monitoring;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using static EnvGis.Server.Tests.Monitoring.MonitoringTestSupport;

namespace EnvGis.Server.Tests.Monitoring;

/// <summary>
/// The monitoring reads follow the station record's visibility on every endpoint (API, CSV, EDR);
/// exceedances: the Department sees all, a unit its own; data silence and the daily report; OpenAPI.
/// </summary>
[Collection("server")]
public sealed class MonitoringReadTests(ServerFixture server)
{
    [Theory]
    [InlineData("published", true)]
    [InlineData("submitted", false)]
    public async Task A_restricted_or_unpublished_stations_data_never_reach_the_public_but_its_owner_unit_sees_them(string status, bool restricted)
    {
        var (code, _) = await server.StationAsync(status: status, restricted: restricted);
        using var admin = server.Admin();
        var at = HourStart(2);
        using (var upload = await admin.UploadAsync((FileName(code), Text(Hours("PM2.5", 20, "ug/m3", at, 2)))))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var from = Uri.EscapeDataString(at.ToString("o"));
        using var anonymous = server.Basic();
        Assert.DoesNotContain(code, await anonymous.GetStringAsync("/api/monitoring/stations"));
        foreach (var path in new[]
                 {
                     $"/api/monitoring/stations/{code}/observations?from={from}", $"/api/monitoring/stations/{code}/observations?format=csv&interval=raw&from={from}",
                     $"/api/monitoring/stations/{code}/aqi?from={from}",
                 })
        {
            using var hidden = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.Equal("unknown-station", (await hidden.JsonAsync()).GetProperty("code").GetString());
        }

        Assert.DoesNotContain(code, await anonymous.GetStringAsync("/ogcapi/collections/monitoring/locations"));
        using (var edr = await anonymous.GetAsync($"/ogcapi/collections/monitoring/locations/{code}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, edr.StatusCode);
        }

        // The owner unit (the Department, whole city) sees its own station and its data.
        var editor = await server.CreateUserAsync("so-nnmt", "editor");
        using var own = editor.Client(server);
        Assert.Contains(code, await own.GetStringAsync("/api/monitoring/stations"));
        var series = await own.GetFromJsonAsync<JsonElement>($"/api/monitoring/stations/{code}/observations?parameter=PM2.5&interval=raw&from={from}");
        Assert.Equal(24, series.GetProperty("series")[0].GetProperty("values").GetArrayLength());
        using var coverage = await own.GetAsync($"/ogcapi/collections/monitoring/locations/{code}?parameter-name=PM2.5&datetime={from}/..");
        Assert.Equal(HttpStatusCode.OK, coverage.StatusCode);
    }

    [Fact]
    public async Task EDR_serves_the_collection_locations_and_a_PointSeries_in_CoverageJSON_and_CSV()
    {
        var (code, _) = await server.StationAsync(lon: 106.7, lat: 20.85);
        var at = HourStart(1);
        using var admin = server.Admin();
        var lines = Hours("PM2.5", 21, "ug/m3", at, 1).Append(Line("PM10", 40, "ug/m3", at)).Append(Line("PM10", 99, "ug/m3", at.AddMinutes(5), "02")).ToList();
        using (var upload = await admin.UploadAsync((FileName(code), Text(lines))))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using var anonymous = server.Basic();
        var collection = await anonymous.GetFromJsonAsync<JsonElement>("/ogcapi/collections/monitoring");
        Assert.Equal("monitoring", collection.GetProperty("id").GetString());
        Assert.Equal("µg/m³", collection.GetProperty("parameter_names").GetProperty("PM2.5").GetProperty("unit").GetProperty("symbol").GetString());
        Assert.StartsWith(server.BaseUrl.ToString().TrimEnd('/'), collection.GetProperty("data_queries").GetProperty("locations").GetProperty("link").GetProperty("href").GetString());

        var locations = await anonymous.GetFromJsonAsync<JsonElement>("/ogcapi/collections/monitoring/locations");
        var location = locations.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == code);
        Assert.Equal(106.7, location.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 9);

        var datetime = Uri.EscapeDataString($"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}/{at.AddHours(1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
        using var response = await anonymous.GetAsync($"/ogcapi/collections/monitoring/locations/{code}?parameter-name=PM2.5,PM10&datetime={datetime}");
        Assert.Equal("application/prs.coverage+json", response.Content.Headers.ContentType?.MediaType);
        var coverage = await response.JsonAsync();
        Assert.Equal("PointSeries", coverage.GetProperty("domain").GetProperty("domainType").GetString());
        var times = coverage.GetProperty("domain").GetProperty("axes").GetProperty("t").GetProperty("values");
        var pm25 = coverage.GetProperty("ranges").GetProperty("PM2.5").GetProperty("values");
        var pm10 = coverage.GetProperty("ranges").GetProperty("PM10").GetProperty("values");
        Assert.Equal(times.GetArrayLength(), pm25.GetArrayLength());
        Assert.Equal(21, pm25[0].GetDouble());
        Assert.Equal(40, pm10[0].GetDouble());
        Assert.Equal(JsonValueKind.Null, pm10[1].ValueKind); // a fault reading is left out
        Assert.Equal(JsonValueKind.Null, pm10[2].ValueKind); // no reading

        var csv = await anonymous.GetStringAsync($"/ogcapi/collections/monitoring/locations/{code}?parameter-name=PM10&datetime={datetime}&f=CSV");
        Assert.Contains($"{code},106.7,20.85,", csv);

        using var bad = await anonymous.GetAsync($"/ogcapi/collections/monitoring/locations/{code}?datetime=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("InvalidParameterValue", (await bad.JsonAsync()).GetProperty("code").GetString());
        using var unknown = await anonymous.GetAsync($"/ogcapi/collections/monitoring/locations/{code}?parameter-name=Radon");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task The_Department_sees_every_exceedance_an_enterprise_only_its_own_and_the_public_none()
    {
        var (own, _) = await server.StationAsync(owner: "dn-nhua-dinh-vu", type: "wastewater");
        var (cityStation, _) = await server.StationAsync();
        using var admin = server.Admin();
        var permit = await admin.PostAsJsonAsync($"/api/monitoring/admin/stations/{own}/permit-limits",
            new { parameter = "COD", averaging = "1h", standard = "QCVN 40:2025/BTNMT", zone = "A", permit = "GPMT-99", high = 50.0 });
        Assert.True(permit.StatusCode == HttpStatusCode.Created, await permit.Content.ReadAsStringAsync());
        var at = HourStart(2);
        using (var upload = await admin.UploadAsync((FileName(own), Text(Hours("COD", 70, "mg/L", at, 1))),
                   (FileName(cityStation), Text(Hours("SO2", 500, "ug/m3", at, 1)))))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/monitoring/exceedances");
        var codes = all.EnumerateArray().Select(x => x.GetProperty("station").GetString()).ToList();
        Assert.Contains(own, codes);
        Assert.Contains(cityStation, codes);
        var cod = all.EnumerateArray().Single(x => x.GetProperty("station").GetString() == own);
        Assert.Equal(70, cod.GetProperty("value").GetDouble());
        Assert.Equal(50, cod.GetProperty("high").GetDouble());
        Assert.Contains("GPMT-99", cod.GetProperty("standard").GetString());

        var reporter = await server.CreateUserAsync("dn-nhua-dinh-vu", "reporter");
        using var enterprise = reporter.Client(server);
        var mine = await enterprise.GetFromJsonAsync<JsonElement>("/api/monitoring/exceedances");
        Assert.All(mine.EnumerateArray(), x => Assert.Equal(own, x.GetProperty("station").GetString()));
        Assert.NotEqual(0, mine.GetArrayLength());

        using var anonymous = await server.Basic().GetAsync("/api/monitoring/exceedances");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_station_that_stopped_delivering_is_flagged_silent_on_the_record_and_in_the_daily_report()
    {
        var (code, id) = await server.StationAsync();
        using var admin = server.Admin();
        using (var upload = await admin.UploadAsync((FileName(code), Text(Hours("PM2.5", 20, "ug/m3", HourStart(1), 1)))))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var maintenance = server.Services.GetRequiredService<MonitoringMaintenance>();
        await maintenance.FlagSilenceAsync(default);
        Assert.False(await server.ScalarAsync<bool>("SELECT silent FROM data.monitoring_stations WHERE id = $1", id));

        // Its last delivery two hours ago (the default silence time is one hour).
        await server.ScalarAsync<int>("UPDATE monitoring.station_state SET last_received_at = now() - interval '2 hours' WHERE station_id = $1 RETURNING 1", id);
        await maintenance.FlagSilenceAsync(default);
        Assert.True(await server.ScalarAsync<bool>("SELECT silent FROM data.monitoring_stations WHERE id = $1", id));
        Assert.Equal(1L, await server.ScalarAsync<long>("SELECT count(*) FROM envgis.record_history WHERE layer = 'monitoring_stations' AND record_id = $1", id));
        var stations = await server.Basic().GetFromJsonAsync<JsonElement>("/api/monitoring/stations");
        Assert.True(stations.EnumerateArray().Single(s => s.GetProperty("code").GetString() == code).GetProperty("silent").GetBoolean());

        // The Việt Nam day of the readings (just after midnight it is yesterday, not today).
        var day = HourStart(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = await server.Basic().GetFromJsonAsync<JsonElement>($"/api/monitoring/reports/daily?date={day}");
        var row = report.EnumerateArray().Single(r => r.GetProperty("station").GetString() == code);
        Assert.True(row.GetProperty("received").GetInt32() > 0);
        Assert.Equal(288, row.GetProperty("expected").GetInt32());
        Assert.True(row.GetProperty("silent").GetBoolean());
    }

    [Fact]
    public async Task The_administrator_edits_the_catalogue_and_an_alias_is_accepted_in_the_next_file()
    {
        using var admin = server.Admin();
        var put = await admin.PutAsJsonAsync("/api/monitoring/admin/parameters/PM1",
            new { nameVi = "Bụi PM1", nameEn = "PM1", unit = "µg/m³", decimals = 1, aliases = new[] { new { alias = "Bụi PM-1", stationType = (string?)null } },
                  units = new[] { new { unit = "µg/m³", factor = 1.0, offset = 0.0 }, new { unit = "mg/m3", factor = 1000.0, offset = 0.0 } } });
        Assert.True(put.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var (code, id) = await server.StationAsync();
        using (var upload = await admin.UploadAsync((FileName(code), Text([Line("bui pm-1", 0.012, "mg/m3", HourStart(1))]))))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        Assert.Equal(12.0, await server.ScalarAsync<double>("SELECT value FROM monitoring.observations WHERE station_id = $1", id), 9);

        var conflict = await admin.PutAsJsonAsync("/api/monitoring/admin/parameters/PM1X",
            new { nameVi = "x", nameEn = "x", unit = "x", decimals = 1, aliases = new[] { new { alias = "PM-2-5", stationType = (string?)null } },
                  units = new[] { new { unit = "x", factor = 1.0, offset = 0.0 } } });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("alias-conflict", (await conflict.JsonAsync()).GetProperty("code").GetString());

        var limit = await admin.PostAsJsonAsync("/api/monitoring/admin/limits",
            new { standard = "QCVN thử", parameter = "PM1", averaging = "1h", stationTypes = new[] { "air" }, low = 10.0, high = 5.0, source = "test", verified = false });
        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);
        Assert.Equal("invalid-limit", (await limit.JsonAsync()).GetProperty("code").GetString());

        var editor = await server.CreateUserAsync("so-nnmt", "editor");
        using var notAdmin = editor.Client(server);
        using var forbidden = await notAdmin.GetAsync("/api/monitoring/admin/limits");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var rules = await admin.GetFromJsonAsync<JsonElement>("/api/monitoring/admin/rules");
        Assert.Equal(60, rules.GetProperty("silenceMinutes").GetInt32());
        var bands = await server.Basic().GetFromJsonAsync<JsonElement>("/api/monitoring/aqi-bands");
        Assert.Equal(["good", "moderate", "poor", "bad", "very_bad", "hazardous"], bands.EnumerateArray().Select(b => b.GetProperty("band").GetString()));
    }

    [Fact]
    public async Task The_monitoring_API_is_in_the_OpenAPI_document()
    {
        var openApi = await server.Basic().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/monitoring/files", "/api/monitoring/stations", "/api/monitoring/stations/{code}/observations", "/api/monitoring/stations/{code}/aqi",
                     "/api/monitoring/exceedances", "/api/monitoring/admin/parameters/{code}", "/api/monitoring/admin/limits",
                     "/api/monitoring/admin/stations/{code}/permit-limits",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.True(paths.GetProperty("/api/monitoring/stations/{code}/aqi").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").TryGetProperty("application/json", out _));

        // The upload's multipart body: file parts, binary, and its typed answers.
        var upload = paths.GetProperty("/api/monitoring/files").GetProperty("post");
        var file = upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema")
            .GetProperty("properties").GetProperty("file");
        Assert.Equal("array", file.GetProperty("type").GetString());
        Assert.Equal("binary", file.GetProperty("items").GetProperty("format").GetString());
        foreach (var status in new[] { "200", "422" })
        {
            Assert.True(upload.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json")
                .GetProperty("schema").TryGetProperty("$ref", out _), $"the {status} answer of the upload has no typed schema");
        }
    }

    [Fact]
    public async Task The_OGC_API_root_lists_the_monitoring_collection_and_declares_EDR_conformance()
    {
        using var anonymous = server.Basic();
        var collections = await anonymous.GetFromJsonAsync<JsonElement>("/ogcapi/collections?f=json");
        var monitoring = collections.GetProperty("collections").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == "monitoring");
        Assert.Contains(monitoring.GetProperty("links").EnumerateArray(),
            l => l.GetProperty("href").GetString()!.EndsWith("/ogcapi/collections/monitoring/locations", StringComparison.Ordinal));
        var conformance = await anonymous.GetFromJsonAsync<JsonElement>("/ogcapi/conformance?f=json");
        Assert.Contains("http://www.opengis.net/spec/ogcapi-edr-1/1.0/conf/core",
            conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()));
    }
}
