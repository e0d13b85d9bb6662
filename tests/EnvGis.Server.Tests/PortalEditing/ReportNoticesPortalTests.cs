using EnvGis.Server.Tests.Compliance;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Reports;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>An enterprise's reporter sees its report reminder and overdue notice in the Reports tab (Chromium).</summary>
[Collection("server")]
public sealed class ReportNoticesPortalTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task A_reporter_sees_the_due_reminder_and_the_overdue_notice_of_its_report_in_the_portal()
    {
        var (setup, type, _) = await ReportReminderTests.EnterpriseOwingA2034ReportAsync(server);
        await using (var smtp = await SmtpSink.StartAsync())
        {
            var runner = server.Runner(smtp.Port);
            await runner.RunAsync(DateTimeOffset.Parse("2035-03-20T09:00:00+07:00"), default);
            await runner.RunAsync(DateTimeOffset.Parse("2035-04-02T09:00:00+07:00"), default);
        }

        var page = await browsers.Browser.OpenAsync(server);
        await page.SignInAsync(setup.Reporter.Name, setup.Reporter.Password);
        var notices = page.Page.Locator("#tabpanel-reports [data-testid=report-notices]");
        await Expect(notices.Locator("li[data-kind=report-overdue]", new() { HasText = "Báo cáo thử " + type }))
            .ToContainTextAsync("Quá hạn nộp báo cáo Báo cáo thử " + type + " kỳ 2034");
        await Expect(notices.Locator("li[data-kind=report-due]", new() { HasText = "Báo cáo thử " + type }))
            .ToContainTextAsync("hạn 31/03/2035");
    }
}
