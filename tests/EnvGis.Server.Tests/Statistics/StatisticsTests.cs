using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Statistics;

/// <summary>Statistics checked against counts and measures made straight in PostGIS, per caller, and their downloads.</summary>
[Collection("server")]
public sealed class StatisticsTests(ServerFixture server)
{
    [Fact]
    public async Task Anonymous_figures_by_layer_match_the_database_counting_only_published_public_records_of_public_layers()
    {
        // Records the public must not count: a draft, a restricted published one.
        var at = await server.InsideAsync("HP005");
        await server.InsertIncidentAsync("so-nnmt", "draft", at, "Nháp thống kê");
        var hidden = await server.InsertIncidentAsync("so-nnmt", "published", at, "Hạn chế thống kê");
        await server.ScalarAsync<long>("UPDATE data.environmental_incidents SET restricted = true WHERE id = $1 RETURNING id", hidden);

        using var anonymous = server.Basic();
        var response = await anonymous.GetAsync("/api/statistics?group=layer");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.JsonAsync()).GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        var publicLayers = await server.ListAsync<string>("SELECT name FROM catalogue.layers WHERE NOT restricted ORDER BY name");
        var restrictedLayers = await server.ListAsync<string>("SELECT name FROM catalogue.layers WHERE restricted");
        Assert.NotEmpty(publicLayers);
        Assert.All(restrictedLayers, l => Assert.False(rows.ContainsKey(l), $"restricted layer {l} counted for the public"));
        foreach (var layer in publicLayers)
        {
            var expected = await server.ScalarAsync<long>(
                $"SELECT count(*) FROM data.{layer} WHERE status = 'published' AND NOT restricted");
            var count = rows.TryGetValue(layer, out var row) ? row.GetProperty("count").GetInt64() : 0;
            Assert.True(expected == count, $"{layer}: the database has {expected} public records, the statistics say {count}");
        }

        // Areas on the spheroid, in m² and ha; lengths in m and km.
        var area = await server.ScalarAsync<double>(
            "SELECT coalesce(sum(ST_Area(geom::geography, true)), 0) FROM data.polluted_zones WHERE status = 'published' AND NOT restricted");
        Assert.True(area > 0);
        Assert.Equal(area, rows["polluted_zones"].GetProperty("areaM2").GetDouble(), area * 1e-9);
        Assert.Equal(area / 10_000, rows["polluted_zones"].GetProperty("areaHa").GetDouble(), area * 1e-9);
        var length = await server.ScalarAsync<double>(
            "SELECT coalesce(sum(ST_Length(geom::geography, true)), 0) FROM data.rivers WHERE status = 'published' AND NOT restricted");
        Assert.True(length > 0);
        Assert.Equal(length / 1_000, rows["rivers"].GetProperty("lengthKm").GetDouble(), length * 1e-9);

        // A restricted layer is unknown to the public.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/statistics?layer={restrictedLayers[0]}")).StatusCode);
    }

    [Fact]
    public async Task By_status_the_administrator_counts_drafts_the_public_only_published_and_a_unit_its_own_too()
    {
        var unitEditor = await server.CreateUserAsync("so-xay-dung", "editor");
        // The whole city: other tests narrow this unit to a few communes, and a unit sees its own drafts only in its scope.
        await server.SetScopeAsync("so-xay-dung", ["environmental_incidents"], wholeCity: true);
        var at = await server.InsideAsync("HP006");
        await server.InsertIncidentAsync("so-xay-dung", "draft", at, "Nháp của Sở Xây dựng");

        async Task<Dictionary<string, long>> ByStatus(HttpClient client)
        {
            var body = await (await client.GetAsync("/api/statistics?group=status&layer=environmental_incidents")).JsonAsync();
            return body.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt64());
        }

        using var admin = server.Admin();
        using var anonymous = server.Basic();
        using var unit = unitEditor.Client(server);
        var all = await ByStatus(admin);
        Assert.Equal(await server.ScalarAsync<long>("SELECT count(*) FROM data.environmental_incidents WHERE status = 'draft'"), all["draft"]);
        Assert.Equal(["published"], (await ByStatus(anonymous)).Keys.ToList());
        var own = await ByStatus(unit);
        Assert.Equal(await server.ScalarAsync<long>(
            "SELECT count(*) FROM data.environmental_incidents WHERE status = 'draft' AND owner_unit = 'so-xay-dung'"), own["draft"]);
        Assert.True(own["draft"] < all["draft"] || all["draft"] == own["draft"]);

        // By unit, the administrator's figures add up to the table (archived records never count).
        var byUnit = await (await admin.GetAsync("/api/statistics?group=unit&layer=environmental_incidents")).JsonAsync();
        Assert.Equal(await server.ScalarAsync<long>("SELECT count(*) FROM data.environmental_incidents WHERE status <> 'archived'"),
            byUnit.GetProperty("total").GetProperty("count").GetInt64());
        Assert.Contains(byUnit.GetProperty("rows").EnumerateArray(),
            r => r.GetProperty("key").GetString() == "so-xay-dung" && r.GetProperty("labelVi").GetString()!.Length > 0);
    }

    [Fact]
    public async Task A_period_counts_records_valid_in_it_and_the_month_trend_has_every_month()
    {
        using var admin = server.Admin();
        var period = await (await admin.GetAsync("/api/statistics?group=layer&layer=communes&from=2025-01&to=2025-06-30")).JsonAsync();
        Assert.Equal(await server.ScalarAsync<long>(
                "SELECT count(*) FROM data.communes WHERE status <> 'archived' AND (valid_from IS NULL OR valid_from <= DATE '2025-06-30') AND (valid_to IS NULL OR valid_to >= DATE '2025-01-01')"),
            period.GetProperty("total").GetProperty("count").GetInt64());
        var later = await (await admin.GetAsync("/api/statistics?group=layer&layer=communes&from=2025-07-01")).JsonAsync();
        Assert.Equal(await server.ScalarAsync<long>(
                "SELECT count(*) FROM data.communes WHERE status <> 'archived' AND (valid_to IS NULL OR valid_to >= DATE '2025-07-01')"),
            later.GetProperty("total").GetProperty("count").GetInt64());

        var trend = await (await admin.GetAsync("/api/statistics?group=month&layer=communes&from=2025-05&to=2025-08")).JsonAsync();
        var months = trend.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["2025-05", "2025-06", "2025-07", "2025-08"], months.Select(m => m.GetProperty("key").GetString()!).ToList());
        foreach (var month in months)
        {
            var first = DateOnly.ParseExact(month.GetProperty("key").GetString()!, "yyyy-MM", CultureInfo.InvariantCulture);
            Assert.Equal(await server.ScalarAsync<long>(
                    "SELECT count(*) FROM data.communes WHERE status <> 'archived' AND (valid_from IS NULL OR valid_from < $2) AND (valid_to IS NULL OR valid_to >= $1)",
                    first, first.AddMonths(1)),
                month.GetProperty("count").GetInt64());
        }

        var yearly = await (await admin.GetAsync("/api/statistics/yearly?year=2025")).JsonAsync();
        Assert.Equal(12, yearly.GetProperty("byMonth").GetProperty("rows").GetArrayLength());
        Assert.Equal(2025, yearly.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task Downloads_carry_the_same_figures_as_CSV_Excel_and_a_printable_page()
    {
        using var anonymous = server.Basic();
        var json = await (await anonymous.GetAsync("/api/statistics?group=category")).JsonAsync();
        var expected = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt64());
        Assert.NotEmpty(expected);

        var csv = await anonymous.GetAsync("/api/statistics?group=category&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", csv.Content.Headers.ContentDisposition?.ToString());
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Mã / Key,", lines[0]);
        foreach (var (key, count) in expected)
        {
            Assert.Contains(lines.Select(Fields), f => f[0] == key && f[3] == count.ToString(CultureInfo.InvariantCulture));
        }

        var xlsx = await anonymous.GetAsync("/api/statistics?group=category&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using (var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            var sheet = workbook.Worksheets.First();
            Assert.Equal("Số bản ghi / Records", sheet.Cell(1, 4).GetString());
            foreach (var (key, count) in expected)
            {
                var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == key);
                Assert.Equal(count, (long)row.Cell(4).GetDouble());
            }
        }

        var html = await anonymous.GetAsync("/api/statistics/yearly?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("<link rel=\"stylesheet\" href=\"/api/statistics/print.css\">", page);
        Assert.Contains("Báo cáo tổng hợp năm", page);
        var css = await anonymous.GetStringAsync("/api/statistics/print.css");
        Assert.Contains("@media print", css);
    }

    /// <summary>The fields of one CSV line (RFC 4180 quoting).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    [Fact]
    public async Task Bad_statistics_requests_are_refused_with_a_code()
    {
        using var anonymous = server.Basic();
        foreach (var (query, code) in new[]
                 {
                     ("group=colour", "invalid-group"), ("format=pdf", "invalid-format"), ("from=2026-13", "invalid-date"),
                     ("from=2026-05-01&to=2026-04-01", "invalid-range"), ("group=month&from=2000-01&to=2026-01", "invalid-range"),
                     ("from=9999-12-31T23:00:00-05:00", "invalid-date"),
                 })
        {
            var refused = await anonymous.GetAsync("/api/statistics?" + query);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, query);
            Assert.Equal(code, (await refused.JsonAsync()).GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/statistics?layer=no_such_layer")).StatusCode);
        Assert.Equal("invalid-year", (await (await anonymous.GetAsync("/api/statistics/yearly?year=1999")).JsonAsync()).GetProperty("code").GetString());
    }
}
