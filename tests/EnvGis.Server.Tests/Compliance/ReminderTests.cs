using System.Net;
using System.Net.Http.Json;
using EnvGis.Data.Compliance;
using EnvGis.Data.Notices;
using EnvGis.Server.Notices;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EnvGis.Server.Tests.Compliance;

/// <summary>
/// Reminders before the deadline and notices after it, e-mailed through a real SMTP server (aiosmtpd)
/// by the server's own planner run at scripted instants of May/June 2031, and kept once each.
/// </summary>
[Collection("server")]
public sealed class ReminderTests(ServerFixture server)
{
    [Fact]
    public async Task A_unit_with_nothing_gets_one_reminder_before_the_deadline_and_one_notice_after_it_by_mail_and_in_the_portal()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var idle = await server.ObligedUnitAsync();
        var busy = await server.ObligedUnitAsync();
        var idleMail = idle + "@unit.test";
        using var admin = server.Admin();
        foreach (var unit in new[] { idle, busy })
        {
            var set = await admin.PutAsJsonAsync($"/api/admin/units/{unit}/notice-email", new { email = unit + "@unit.test" });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        // The busy unit updated on 10 May 2031: it owes nothing.
        var editor = await server.CreateUserAsync(busy, "editor");
        var id = await server.CreateIncidentAsync(editor, await server.InsideAsync("HP012"));
        await server.ScriptAsync(id, "insert", "2031-05-10 10:00");

        // The units exist since 2020, so April 2031 is overdue already; this test follows May 2031.
        List<MimeKit.MimeMessage> May(string address) =>
            smtp.Messages().Where(m => m.To.Mailboxes.Any(a => a.Address == address) && (m.Subject ?? "").Contains("2031-05")).ToList();
        var runner = Runner(smtp.Port);
        await runner.RunAsync(DateTimeOffset.Parse("2031-05-20T10:00:00+07:00"), default);
        Assert.Empty(May(idleMail)); // 10 days before: not yet

        await runner.RunAsync(DateTimeOffset.Parse("2031-05-27T10:00:00+07:00"), default);
        var reminder = Assert.Single(May(idleMail));
        Assert.Contains("05/2031", reminder.Subject);
        Assert.Contains("2031-05", reminder.Subject);
        Assert.Contains("30/05/2031", reminder.TextBody);
        Assert.Empty(May(busy + "@unit.test"));

        // Run again (a restart, another node): nothing new.
        var again = await runner.RunAsync(DateTimeOffset.Parse("2031-05-28T10:00:00+07:00"), default);
        Assert.Equal(0, again.Sent);
        Assert.Single(May(idleMail));

        // After the deadline: one notice, once.
        await runner.RunAsync(DateTimeOffset.Parse("2031-05-31T08:00:00+07:00"), default);
        await runner.RunAsync(DateTimeOffset.Parse("2031-06-02T08:00:00+07:00"), default);
        var mails = May(idleMail);
        Assert.Equal(2, mails.Count);
        Assert.Contains("Quá hạn", mails[1].Subject);
        Assert.Contains("Overdue", mails[1].Subject);

        // The history of reminders: one row per kind, both sent; the unit sees them in the portal.
        var kept = await server.ListAsync<string>(
            "SELECT kind || ' ' || period || ' ' || email_status FROM envgis.reminders WHERE unit_code = $1 AND period = '2031-05' ORDER BY id", idle);
        Assert.Equal(["update-due 2031-05 sent", "update-overdue 2031-05 sent"], kept);
        using var unitClient = (await server.CreateUserAsync(idle, "approver")).Client(server);
        var notices = await (await unitClient.GetAsync("/api/notices")).JsonAsync();
        Assert.Equal(["update-overdue", "update-due"], notices.EnumerateArray().Where(n => n.GetProperty("period").GetString() == "2031-05")
            .Select(n => n.GetProperty("kind").GetString()!).ToList());
        Assert.All(notices.EnumerateArray(), n => Assert.Equal(idle, n.GetProperty("unit").GetString()));
    }

    [Fact]
    public async Task The_Department_gets_the_yearly_account_review_reminder_once_and_a_refused_mail_is_retried_then_kept_as_failed()
    {
        using var admin = server.Admin();
        var before = await server.ScalarAsync<string>("SELECT coalesce(notice_email, '') FROM envgis.units WHERE code = 'so-nnmt'");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/units/so-nnmt/notice-email", new { email = "so-nnmt@unit.test" })).StatusCode);
        try
        {
            await using (var smtp = await SmtpSink.StartAsync())
            {
                var runner = Runner(smtp.Port);
                await runner.RunAsync(DateTimeOffset.Parse("2032-01-05T09:00:00+07:00"), default);
                await runner.RunAsync(DateTimeOffset.Parse("2032-03-05T09:00:00+07:00"), default);
                var review = Assert.Single(smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == "so-nnmt@unit.test"));
                Assert.Contains("Rà soát tài khoản", review.Subject);
                Assert.Contains("2032", review.Subject);
            }

            // No SMTP server listening: the e-mail stays pending with the error, and is kept as failed after the last try.
            var closed = Runner(FreePort());
            await closed.RunAsync(DateTimeOffset.Parse("2033-01-05T09:00:00+07:00"), default);
            var row = await server.ListAsync<string>(
                "SELECT email_status || ' ' || email_attempts FROM envgis.reminders WHERE unit_code = 'so-nnmt' AND kind = 'account-review' AND period = '2033'");
            Assert.Equal(["pending 1"], row);
            for (var i = 1; i < ReminderStore.MaxAttempts; i++)
            {
                await closed.RunAsync(DateTimeOffset.Parse("2033-01-05T09:30:00+07:00"), default);
            }

            Assert.Equal([$"failed {ReminderStore.MaxAttempts}"], await server.ListAsync<string>(
                "SELECT email_status || ' ' || email_attempts FROM envgis.reminders WHERE unit_code = 'so-nnmt' AND kind = 'account-review' AND period = '2033'"));
            Assert.NotEqual("", await server.ScalarAsync<string>(
                "SELECT coalesce(email_error, '') FROM envgis.reminders WHERE unit_code = 'so-nnmt' AND kind = 'account-review' AND period = '2033'"));
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/admin/units/so-nnmt/notice-email", new { email = before });
        }
    }

    [Fact]
    public async Task Notice_addresses_and_listings_refuse_bad_input_and_other_units_never_see_a_units_notices()
    {
        using var admin = server.Admin();
        foreach (var bad in new[] { "not-an-address", "a@b", "two@unit.test, three@unit.test", "x@unit.test\r\nBcc: y@unit.test" })
        {
            var refused = await admin.PutAsJsonAsync("/api/admin/units/so-khcn/notice-email", new { email = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("invalid-email", (await refused.JsonAsync()).GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/admin/units/no-such-unit/notice-email", new { email = "a@unit.test" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/notices?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/notices?kind=spam")).StatusCode);

        using var editor = (await server.CreateUserAsync("so-khcn", "editor")).Client(server);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync("/api/admin/units/so-khcn/notice-email", new { email = "a@unit.test" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/api/admin/reminders/run", null)).StatusCode);
        var own = await (await editor.GetAsync("/api/notices?unit=so-nnmt")).JsonAsync();
        Assert.All(own.EnumerateArray(), n => Assert.Equal("so-khcn", n.GetProperty("unit").GetString()));
        using var anonymous = server.Basic();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notices")).StatusCode);
    }

    private ReminderRunner Runner(int smtpPort) => server.Runner(smtpPort);

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
