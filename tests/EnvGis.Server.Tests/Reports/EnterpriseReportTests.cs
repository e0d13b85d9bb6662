using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Reports;

[Collection("server")]
public sealed class EnterpriseReportTests(ServerFixture server)
{
    [Fact]
    public async Task A_report_is_owed_started_refused_while_incomplete_submitted_returned_resubmitted_and_accepted_with_its_history()
    {
        var setup = await server.EnterpriseWithReportTypeAsync();
        using var reporter = setup.Reporter.Client(server);
        using var admin = server.Admin();

        // Owed: 2024 and 2025 (overdue: due 31 March of the next year), and the current year.
        var owed = (await (await reporter.GetAsync("/api/reports/obligations")).JsonAsync()).EnumerateArray()
            .Where(o => o.GetProperty("type").GetString() == setup.Type).ToList();
        Assert.Contains(owed, o => o.GetProperty("period").GetString() == "2024" && o.GetProperty("overdue").GetBoolean()
                                   && o.GetProperty("status").GetString() == "not-started" && o.GetProperty("dueDay").GetString() == "2025-03-31");
        Assert.Contains(owed, o => o.GetProperty("period").GetString() == "2025" && o.GetProperty("overdue").GetBoolean());
        Assert.All(owed, o => Assert.Equal($"/api/layers/waste_sources/records/{setup.Facility}", o.GetProperty("facilityRecord").GetString()));

        var created = await reporter.PostAsJsonAsync("/api/reports", new { type = setup.Type, period = "2025", facilityId = setup.Facility });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = await created.JsonAsync();
        var id = report.GetProperty("report").GetProperty("id").GetInt64();
        Assert.Equal("draft", report.GetProperty("report").GetProperty("status").GetString());
        Assert.Equal($"/#layers=waste_sources&sel=waste_sources.{setup.Facility}", report.GetProperty("facilityMap").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.PostAsJsonAsync("/api/reports",
            new { type = setup.Type, period = "2025", facilityId = setup.Facility })).StatusCode);

        // Incomplete: the required number and the required document are missing.
        var incomplete = await reporter.PostAsJsonAsync($"/api/reports/{id}/submit", new { version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal("report-incomplete", (await incomplete.JsonAsync()).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.OK, (await reporter.PutAsJsonAsync($"/api/reports/{id}",
            new { version = 1, values = new { wastewater_m3 = 5400.5, summary = "Vận hành ổn định." } })).StatusCode);
        var stale = await reporter.PutAsJsonAsync($"/api/reports/{id}", new { version = 1, values = new { wastewater_m3 = 1 } });
        Assert.Equal("stale-version", (await stale.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, (await reporter.UploadPdfAsync(id, "monitoring_results")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.UploadPdfAsync(id, "no_such_kind")).StatusCode);
        var submitted = await reporter.PostAsJsonAsync($"/api/reports/{id}/submit", new { version = 3 });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("submitted", (await submitted.JsonAsync()).GetProperty("report").GetProperty("status").GetString());
        Assert.Equal("report-submitted", (await (await reporter.PutAsJsonAsync($"/api/reports/{id}",
            new { version = 4, values = new { wastewater_m3 = 1 } })).JsonAsync()).GetProperty("code").GetString());

        // The Department asks for changes (a comment is required), the enterprise corrects and resubmits.
        Assert.Equal("comment-required", (await (await admin.PostAsJsonAsync($"/api/reports/{id}/review",
            new { version = 4, decision = "request-changes" })).JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsJsonAsync($"/api/reports/{id}/review",
            new { version = 4, decision = "accept" })).StatusCode);
        var returned = await admin.PostAsJsonAsync($"/api/reports/{id}/review",
            new { version = 4, decision = "request-changes", comment = "Bổ sung số liệu quý IV." });
        Assert.Equal("changes-requested", (await returned.JsonAsync()).GetProperty("report").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await reporter.PutAsJsonAsync($"/api/reports/{id}",
            new { version = 5, values = new { wastewater_m3 = 5600, summary = "Đã bổ sung quý IV." } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsJsonAsync($"/api/reports/{id}/submit", new { version = 6 })).StatusCode);
        var accepted = await admin.PostAsJsonAsync($"/api/reports/{id}/review", new { version = 7, decision = "accept" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var final = await accepted.JsonAsync();
        Assert.Equal("accepted", final.GetProperty("report").GetProperty("status").GetString());
        Assert.Equal(5600, final.GetProperty("report").GetProperty("values").GetProperty("wastewater_m3").GetDouble());
        Assert.Equal(["create", "update", "attach", "submit", "request-changes", "update", "submit", "accept"],
            final.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToList());
        Assert.Equal("Bổ sung số liệu quý IV.", final.GetProperty("history")[4].GetProperty("comment").GetString());

        // After acceptance nothing changes.
        foreach (var refused in new[]
                 {
                     await reporter.PutAsJsonAsync($"/api/reports/{id}", new { version = 8, values = new { wastewater_m3 = 1 } }),
                     await admin.PostAsJsonAsync($"/api/reports/{id}/review", new { version = 8, decision = "request-changes", comment = "x" }),
                     await reporter.UploadPdfAsync(id, "monitoring_results"),
                 })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("report-accepted", (await refused.JsonAsync()).GetProperty("code").GetString());
        }

        // The Department's overdue list: 2024 still, 2025 no more.
        var overdue = (await (await admin.GetAsync("/api/reports/overdue")).JsonAsync()).EnumerateArray()
            .Where(o => o.GetProperty("type").GetString() == setup.Type).Select(o => o.GetProperty("period").GetString()).ToList();
        Assert.Equal(["2024"], overdue);
        Assert.Equal(1, await server.ScalarAsync<long>("SELECT count(*) FROM reports.submissions WHERE unit_code = $1", setup.Enterprise));
    }

    [Fact]
    public async Task Reports_are_seen_only_by_their_enterprise_and_the_Department_and_bad_input_is_refused()
    {
        var setup = await server.EnterpriseWithReportTypeAsync();
        var other = await server.EnterpriseWithReportTypeAsync();
        using var reporter = setup.Reporter.Client(server);
        var id = (await (await reporter.PostAsJsonAsync("/api/reports", new { type = setup.Type, period = "2024", facilityId = setup.Facility })).JsonAsync())
            .GetProperty("report").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await reporter.UploadPdfAsync(id, "monitoring_results")).StatusCode);
        var fileHref = (await (await reporter.GetAsync($"/api/reports/{id}")).JsonAsync()).GetProperty("files")[0].GetProperty("href").GetString()!;

        using (var stranger = other.Reporter.Client(server))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/reports/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(fileHref)).StatusCode);
            Assert.DoesNotContain((await (await stranger.GetAsync("/api/reports")).JsonAsync()).EnumerateArray(),
                r => r.GetProperty("id").GetInt64() == id);
            // Its own type, someone else's facility.
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync("/api/reports",
                new { type = setup.Type, period = "2025", facilityId = setup.Facility })).StatusCode);
        }

        using (var cityEditor = (await server.CreateUserAsync("so-khcn", "editor")).Client(server))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await cityEditor.GetAsync($"/api/reports/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await cityEditor.GetAsync("/api/reports/overdue")).StatusCode);
        }

        using (var admin = server.Admin())
        {
            var download = await admin.GetAsync(fileHref);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.StartsWith("%PDF", await download.Content.ReadAsStringAsync());
            foreach (var (body, field) in new (object Body, string Field)[]
                     {
                         (new { nameVi = "x", nameEn = "x", period = "week", dueDays = 1, firstPeriod = "2024", facilityLayer = "waste_sources" }, "period"),
                         (new { nameVi = "x", nameEn = "x", period = "year", dueDays = 400, firstPeriod = "2024", facilityLayer = "waste_sources" }, "dueDays"),
                         (new { nameVi = "x", nameEn = "x", period = "quarter", dueDays = 1, firstPeriod = "2024", facilityLayer = "waste_sources" }, "firstPeriod"),
                         (new { nameVi = "x", nameEn = "x", period = "year", dueDays = 1, firstPeriod = "2024", facilityLayer = "no_layer" }, "facilityLayer"),
                         (new { nameVi = "", nameEn = "x", period = "year", dueDays = 1, firstPeriod = "2024", facilityLayer = "waste_sources" }, "nameVi"),
                         (new { nameVi = "x", nameEn = "x", period = "year", dueDays = 1, firstPeriod = "2024", facilityLayer = "waste_sources",
                             fields = new[] { new { name = "Bad Name", type = "text", required = false, labelVi = "x", labelEn = "x" } } }, "fields"),
                     })
            {
                var refused = await admin.PutAsJsonAsync("/api/reports/types/bc_refused", body);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                var problem = await refused.JsonAsync();
                Assert.Equal("invalid-report-type", problem.GetProperty("code").GetString());
                Assert.Equal(field, problem.GetProperty("field").GetString());
            }

            Assert.Equal(0, await server.ScalarAsync<long>("SELECT count(*) FROM reports.report_types WHERE code = 'bc_refused'"));
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/reports?status=lost")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/reports", new { type = setup.Type, period = "2024", facilityId = setup.Facility })).StatusCode);
        }

        foreach (var (body, code) in new (object Body, string Code)[]
                 {
                     (new { type = setup.Type, period = "2030", facilityId = setup.Facility }, "invalid-period"),
                     (new { type = setup.Type, period = "2023", facilityId = setup.Facility }, "invalid-period"),
                     (new { type = setup.Type, period = "2025-Q1", facilityId = setup.Facility }, "invalid-period"),
                     (new { type = "no_such_type", period = "2025", facilityId = setup.Facility }, "unknown-report-type"),
                     (new { type = setup.Type, period = "2025", facilityId = setup.Facility + 1_000_000 }, "unknown-facility"),
                 })
        {
            var refused = await reporter.PostAsJsonAsync("/api/reports", body);
            Assert.Equal(code, (await refused.JsonAsync()).GetProperty("code").GetString());
        }

        var badValues = await reporter.PutAsJsonAsync($"/api/reports/{id}", new { version = 2, values = new { wastewater_m3 = "nhiều" } });
        Assert.Equal("invalid-values", (await badValues.JsonAsync()).GetProperty("code").GetString());
        var unknownField = await reporter.PutAsJsonAsync($"/api/reports/{id}", new { version = 2, values = new { colour = "xanh" } });
        Assert.Equal("invalid-values", (await unknownField.JsonAsync()).GetProperty("code").GetString());
        using var anonymous = server.Basic();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/reports/obligations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/reports/{id}")).StatusCode);
    }
}
