using EnvGis.Server.Tests.Compliance;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Reports;
using EnvGis.Server.Tests.Security;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>The "Báo cáo / Reports" tab in Chromium: a unit declares "no change", statistics with downloads, an enterprise's reports owed.</summary>
[Collection("server")]
public sealed class ReportsTabTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task A_unit_declares_no_change_for_this_month_and_sees_the_statistics_with_their_downloads()
    {
        var unit = await server.ObligedUnitAsync();
        var editor = await server.CreateUserAsync(unit, "editor");
        var page = await browsers.Browser.OpenAsync(server);
        await page.SignInAsync(editor.Name, editor.Password);
        await page.Page.Locator("#tab-reports").ClickAsync();
        var panel = page.Page.Locator("#tabpanel-reports");
        var months = panel.Locator("[data-testid=my-months]");
        await Expect(months).ToBeVisibleAsync();
        // This month: declared before the deadline (the 30th) it is "no change"; on the 31st it is late.
        var today = DateTime.UtcNow.AddHours(7);
        var last = today.ToString("yyyy-MM");
        var expected = today.Day <= 30 ? "declared-no-change" : "late";
        await Expect(months.Locator($"tr[data-month='{last}'] [data-status]")).ToHaveAttributeAsync("data-status", "missing");

        await panel.Locator("select[name=declareMonth]").SelectOptionAsync(last);
        await panel.Locator("textarea[name=declareComment]").FillAsync("Không phát sinh thay đổi trong tháng.");
        await panel.Locator("button[data-action='compliance.declare']").ClickAsync();
        await Expect(panel.Locator("[data-testid=declare-message]")).ToContainTextAsync(last);
        await Expect(months.Locator($"tr[data-month='{last}'] [data-status]")).ToHaveAttributeAsync("data-status", expected);
        Assert.Equal("Không phát sinh thay đổi trong tháng.", await server.ScalarAsync<string>(
            "SELECT comment FROM envgis.update_declarations WHERE unit_code = $1", unit));

        await panel.Locator("details[data-section=statistics] summary").ClickAsync();
        var table = panel.Locator("[data-testid=statistics]");
        await Expect(table.Locator("tr[data-key=waste_sources]")).ToBeVisibleAsync();
        await Expect(panel.Locator("a[data-format=xlsx]")).ToHaveAttributeAsync("href", "api/statistics?group=layer&format=xlsx");
        await panel.Locator("select[name=statisticsGroup]").SelectOptionAsync("category");
        await Expect(table.Locator("tr[data-key='4']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_enterprise_sees_the_reports_its_facility_owes_with_the_overdue_ones_marked()
    {
        var setup = await server.EnterpriseWithReportTypeAsync();
        var page = await browsers.Browser.OpenAsync(server);
        await page.SignInAsync(setup.Reporter.Name, setup.Reporter.Password);
        await Expect(page.Page.Locator("#tab-reports")).ToHaveAttributeAsync("aria-selected", "true");
        var owed = page.Page.Locator("#tabpanel-reports [data-testid=report-obligations]");
        await Expect(owed.Locator("tr[data-period='2024']")).ToContainTextAsync("quá hạn");
        await Expect(owed.Locator("tr[data-period='2024'] a")).ToHaveAttributeAsync("href",
            $"#layers=waste_sources&sel=waste_sources.{setup.Facility}");
    }

    [Fact]
    public async Task An_enterprise_report_is_submitted_returned_resubmitted_and_accepted_in_the_portal()
    {
        var setup = await server.EnterpriseWithReportTypeAsync();
        var pdf = Path.Combine(Path.GetTempPath(), $"envgis-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n% test\n%%EOF\n");
        try
        {
            var enterprise = await browsers.Browser.OpenAsync(server);
            await enterprise.SignInAsync(setup.Reporter.Name, setup.Reporter.Password);
            var row = enterprise.Page.Locator("#tabpanel-reports [data-testid=report-obligations] tr[data-period='2025']");
            await row.Locator("button[data-action='reports.start']").ClickAsync();
            var drawer = enterprise.Page.Locator("#drawer[data-drawer=report]");
            await Expect(drawer.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "draft");
            await drawer.Locator("input[name=wastewater_m3]").FillAsync("5400.5");
            await drawer.Locator("input[name=file-monitoring_results]").SetInputFilesAsync(pdf);
            await Expect(drawer.Locator("[data-testid=report-files] li")).ToHaveCountAsync(1);
            await drawer.Locator("input[name=wastewater_m3]").FillAsync("5400.5");
            await drawer.Locator("button[data-action='reports.submit']").ClickAsync();
            await Expect(drawer.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "submitted");
            var id = await server.ScalarAsync<long>("SELECT id FROM reports.submissions WHERE unit_code = $1", setup.Enterprise);

            var department = await browsers.Browser.OpenAsync(server);
            await department.SignInAsync(TestAccounts.AdminUser, ServerFixture.AdminPassword);
            await department.Page.Locator("#tab-reports").ClickAsync();
            var reports = department.Page.Locator("#tabpanel-reports");
            await reports.Locator("details[data-section=enterprise] summary").ClickAsync();
            await reports.Locator($"[data-testid=reports-submitted] li[data-report='{id}'] button").ClickAsync();
            var review = department.Page.Locator("#drawer[data-drawer=report]");
            await review.Locator("textarea[name=reviewComment]").FillAsync("Bổ sung số liệu quý IV.");
            await review.Locator("button[data-action='reports.requestChanges']").ClickAsync();
            await Expect(review.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "changes-requested");

            await enterprise.Page.Locator("#tabpanel-reports button[data-action='reports.refresh']").ClickAsync();
            await enterprise.Page.Locator("#tabpanel-reports [data-testid=report-obligations] tr[data-period='2025'] button[data-action='reports.open']").ClickAsync();
            await Expect(drawer.Locator("[data-testid=report-history]")).ToContainTextAsync("Bổ sung số liệu quý IV.");
            await drawer.Locator("input[name=wastewater_m3]").FillAsync("5600");
            await drawer.Locator("button[data-action='reports.submit']").ClickAsync();
            await Expect(drawer.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "submitted");

            await reports.Locator("button[data-action='reports.refresh']").ClickAsync();
            await reports.Locator("details[data-section=enterprise] summary").ClickAsync();
            await reports.Locator($"[data-testid=reports-submitted] li[data-report='{id}'] button").ClickAsync();
            await review.Locator("button[data-action='reports.accept']").ClickAsync();
            await Expect(review.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "accepted");
            Assert.Equal("accepted", await server.ScalarAsync<string>("SELECT status FROM reports.submissions WHERE id = $1", id));
            Assert.Equal(5600, await server.ScalarAsync<double>("""SELECT ("values"->>'wastewater_m3')::float8 FROM reports.submissions WHERE id = $1""", id));
            Assert.Equal(["create", "attach", "update", "submit", "request-changes", "update", "submit", "accept"],
                await server.ListAsync<string>("SELECT action FROM reports.submission_events WHERE submission_id = $1 ORDER BY id", id));
        }
        finally
        {
            File.Delete(pdf);
        }
    }
}
