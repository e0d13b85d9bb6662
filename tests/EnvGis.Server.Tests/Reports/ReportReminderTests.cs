using System.Net;
using System.Net.Http.Json;
using EnvGis.Server.Tests.Compliance;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Reports;

/// <summary>
/// Enterprise report reminders: before the due day and once it has passed, e-mailed through a real SMTP
/// server (aiosmtpd) by the server's own planner run at scripted instants of 2035, kept once each, and
/// shown to the enterprise's reporter; a facility that submitted gets nothing.
/// </summary>
[Collection("server")]
public sealed class ReportReminderTests(ServerFixture server)
{
    [Fact]
    public async Task An_enterprise_gets_one_reminder_before_a_reports_due_day_and_one_notice_after_it_and_a_submitted_report_gets_none()
    {
        var (setup, type, submittedFacility) = await EnterpriseOwingA2034ReportAsync(server);
        var address = setup.Enterprise + "@dn.test";
        using var admin = server.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/units/{setup.Enterprise}/notice-email", new { email = address })).StatusCode);

        await using var smtp = await SmtpSink.StartAsync();
        List<MimeKit.MimeMessage> Mails() => smtp.Messages().Where(m => m.To.Mailboxes.Any(a => a.Address == address)
            && (m.TextBody ?? "").Contains("Báo cáo thử " + type)).ToList();
        var runner = server.Runner(smtp.Port);

        // Due 31/03/2035 (90 days after 2034): 21 days before, nothing; 11 days before, the reminder.
        await runner.RunAsync(DateTimeOffset.Parse("2035-03-10T09:00:00+07:00"), default);
        Assert.Empty(Mails());
        await runner.RunAsync(DateTimeOffset.Parse("2035-03-20T09:00:00+07:00"), default);
        var reminder = Assert.Single(Mails());
        Assert.Contains("Nhắc nộp báo cáo", reminder.Subject);
        Assert.Contains("2035-03-31", reminder.Subject);
        Assert.Contains("31/03/2035", reminder.TextBody);
        Assert.Contains("Nhà máy thử " + setup.Enterprise, reminder.TextBody);
        Assert.Contains("https://envgis.test/#reports/enterprise", reminder.TextBody);

        // Again (a restart, another node): nothing new. After the due day: one notice, once.
        await runner.RunAsync(DateTimeOffset.Parse("2035-03-25T09:00:00+07:00"), default);
        Assert.Single(Mails());
        await runner.RunAsync(DateTimeOffset.Parse("2035-04-01T00:30:00+07:00"), default);
        await runner.RunAsync(DateTimeOffset.Parse("2035-04-03T09:00:00+07:00"), default);
        var mails = Mails();
        Assert.Equal(2, mails.Count);
        Assert.Contains("Quá hạn nộp báo cáo", mails[1].Subject);
        Assert.Contains("Overdue", mails[1].Subject);

        // The history: one row per kind for the facility that owes it, both sent; none for the one that submitted.
        Assert.Equal([$"report-due {type}/2034/waste_sources.{setup.Facility} sent", $"report-overdue {type}/2034/waste_sources.{setup.Facility} sent"],
            await server.ListAsync<string>(
                "SELECT kind || ' ' || period || ' ' || email_status FROM envgis.reminders WHERE unit_code = $1 AND period LIKE $2 || '/%' ORDER BY id",
                setup.Enterprise, type));
        Assert.DoesNotContain(await server.ListAsync<string>("SELECT period FROM envgis.reminders WHERE unit_code = $1", setup.Enterprise),
            p => p.EndsWith("." + submittedFacility, StringComparison.Ordinal) && p.StartsWith(type, StringComparison.Ordinal));

        // The reporter reads them among the unit's notices.
        using var reporter = setup.Reporter.Client(server);
        var notices = await (await reporter.GetAsync("/api/notices?kind=report-overdue")).JsonAsync();
        var notice = Assert.Single(notices.EnumerateArray(), n => n.GetProperty("period").GetString()!.StartsWith(type, StringComparison.Ordinal));
        Assert.Equal("#reports/enterprise", notice.GetProperty("link").GetString());
        Assert.Equal("sent", notice.GetProperty("emailStatus").GetString());
    }

    /// <summary>
    /// An enterprise with two facilities and a yearly report type first owed for 2034, due 90 days after
    /// the year: the first facility has not reported, the second submitted on 1 March 2035.
    /// </summary>
    public static async Task<(ReportTestSupport.Setup Setup, string Type, long Submitted)> EnterpriseOwingA2034ReportAsync(ServerFixture server)
    {
        var setup = await server.EnterpriseWithReportTypeAsync();
        var at = await server.InsideAsync("HP012");
        var submitted = await server.ScalarAsync<long>(
            """
            INSERT INTO data.waste_sources (name, source_type, owner_unit, status, created_by, updated_by, geom)
            VALUES ('Nhà máy đã nộp ' || $1, 'industrial', $1, 'published', 'test', 'test', ST_SetSRID(ST_MakePoint($2, $3), 4326)) RETURNING id
            """, setup.Enterprise, at.Lon, at.Lat);
        var type = "bn_" + Guid.NewGuid().ToString("N")[..10];
        using var admin = server.Admin();
        var put = await admin.PutAsJsonAsync($"/api/reports/types/{type}", new
        {
            nameVi = "Báo cáo thử " + type, nameEn = "Test report " + type, period = "year", dueDays = 90, firstPeriod = "2034",
            facilityLayer = "waste_sources", facilityIds = new[] { setup.Facility, submitted },
            fields = new object[] { new { name = "summary", type = "text", required = false, labelVi = "Tóm tắt", labelEn = "Summary" } },
            attachmentKinds = Array.Empty<object>(),
        });
        Assert.True(put.StatusCode == HttpStatusCode.Created, await put.Content.ReadAsStringAsync());
        await server.ScalarAsync<int>(
            """
            INSERT INTO reports.submissions (type_id, period, facility_layer, facility_id, unit_code, status, created_by, updated_by, submitted_at, first_submitted_at)
            SELECT id, '2034', 'waste_sources', $2, $3, 'submitted', 'test', 'test', TIMESTAMPTZ '2035-03-01 10:00+07', TIMESTAMPTZ '2035-03-01 10:00+07'
            FROM reports.report_types WHERE code = $1 RETURNING 1
            """, type, submitted, setup.Enterprise);
        return (setup, type, submitted);
    }
}
