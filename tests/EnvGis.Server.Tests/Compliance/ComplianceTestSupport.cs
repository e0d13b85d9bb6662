using System.Net;
using System.Net.Http.Json;
using EnvGis.Data.Compliance;
using EnvGis.Data.Notices;
using EnvGis.Server.Notices;
using EnvGis.Server.Reports;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Compliance;

/// <summary>Units of their own for each compliance test, edits made through the API, and their history moved to scripted instants.</summary>
public static class ComplianceTestSupport
{
    public const string Layer = "environmental_incidents";

    /// <summary>A new unit of <paramref name="kind"/> granted the incidents layer, existing since 2020 (so it owes every month since).</summary>
    public static async Task<string> ObligedUnitAsync(this ServerFixture server, string kind = "city_department", string? commune = null)
    {
        var code = "cp-" + Guid.NewGuid().ToString("N")[..10];
        using var admin = server.Admin();
        var created = await admin.PostAsJsonAsync("/api/admin/units",
            new { code, nameVi = "Đơn vị thử " + code, nameEn = "Test unit " + code, kind, communeCode = commune });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await server.SetScopeAsync(code, [Layer]);
        await server.ScalarAsync<int>("UPDATE envgis.units SET created_at = TIMESTAMPTZ '2020-01-01 00:00+07' WHERE code = $1 RETURNING 1", code);
        return code;
    }

    /// <summary>Creates an incident through the API as <paramref name="editor"/>; returns its id.</summary>
    public static async Task<long> CreateIncidentAsync(this ServerFixture server, TestUser editor, (double Lon, double Lat) at)
    {
        using var client = editor.Client(server);
        var created = await client.PostAsJsonAsync($"/api/layers/{Layer}/records", TestPlaces.IncidentFeature(at, "Sự cố thử " + editor.Unit));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return long.Parse((await created.JsonAsync()).GetProperty("id").GetString()!.Split('.')[1]);
    }

    /// <summary>Moves a record's history entries of <paramref name="action"/> to a local (UTC+07) time such as 2026-05-29 10:00.</summary>
    public static Task<int> ScriptAsync(this ServerFixture server, long record, string action, string localTime) =>
        server.ScalarAsync<int>(
            """
            WITH moved AS (UPDATE envgis.record_history SET at = ($4 || '+07')::timestamptz WHERE layer = $1 AND record_id = $2 AND action = $3 RETURNING 1)
            SELECT count(*)::int FROM moved
            """, Layer, record, action, localTime);

    /// <summary>The server's own reminder planner, e-mailing through the SMTP server on 127.0.0.1:<paramref name="smtpPort"/>.</summary>
    public static ReminderRunner Runner(this ServerFixture server, int smtpPort)
    {
        var settings = NoticeSettings.Default;
        var reminders = Get<ReminderStore>(server);
        return new ReminderRunner(Get<ComplianceStore>(server), reminders, new ReportReminderPlanner(Get<ReportObligations>(server), reminders, settings),
            settings, new MailSender(new MailSettings("127.0.0.1", smtpPort, "envgis@test.local", null, null, MailSettings.SecurityNone), "https://envgis.test"));
    }

    private static T Get<T>(ServerFixture server) where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(server.Services);
}
