using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Compliance;

/// <summary>
/// Monthly update compliance for a scripted month, May 2026 (deadline: the end of 30 May, Việt Nam
/// time), with edits made through the API and their history moved to the scripted instants.
/// </summary>
[Collection("server")]
public sealed class ComplianceTests(ServerFixture server)
{
    private const string Month = "2026-05";

    [Fact]
    public async Task A_scripted_month_is_on_time_late_missing_or_declared_per_unit_and_the_board_lists_late_ones_first()
    {
        var at = await server.InsideAsync("HP012");
        var on29 = await server.ObligedUnitAsync();
        var on30 = await server.ObligedUnitAsync();
        var on31 = await server.ObligedUnitAsync("economic_zone_authority");
        var commune = await server.ObligedUnitAsync("commune", "HP012");
        var declared = await server.ObligedUnitAsync();
        var missing = await server.ObligedUnitAsync();

        async Task<long> EditAsync(string unit, string localTime)
        {
            var editor = await server.CreateUserAsync(unit, "editor");
            var id = await server.CreateIncidentAsync(editor, at);
            Assert.Equal(1, await server.ScriptAsync(id, "insert", localTime));
            return id;
        }

        await EditAsync(on29, "2026-05-29 10:00");
        await EditAsync(on30, "2026-05-30 23:59:30");
        await EditAsync(on31, "2026-05-31 00:00:10");

        // The commune's edit of the 25th counts only when its chairman approves it, on the 31st: late.
        var communeEditor = await server.CreateUserAsync(commune, "editor");
        var chairman = await server.CreateUserAsync(commune, "approver", holder: "Chủ tịch UBND xã");
        var communeRecord = await server.CreateIncidentAsync(communeEditor, at);
        using (var client = communeEditor.Client(server))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/layers/{ComplianceTestSupport.Layer}/records/{communeRecord}/submit",
                new { version = 1 })).StatusCode);
        }

        // Before the approval, the edit waits: nothing counts yet.
        await server.ScriptAsync(communeRecord, "insert", "2026-05-25 09:00");
        await server.ScriptAsync(communeRecord, "submit", "2026-05-25 09:05");
        using var admin = server.Admin();
        var waiting = Row(await BoardMonthAsync(admin), commune);
        Assert.Equal("missing", waiting.GetProperty("status").GetString());
        Assert.Equal(1, waiting.GetProperty("pendingApproval").GetInt32());

        using (var client = chairman.Client(server))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/layers/{ComplianceTestSupport.Layer}/records/{communeRecord}/approve",
                new { version = 2 })).StatusCode);
        }

        await server.ScriptAsync(communeRecord, "approve", "2026-05-31 08:00");

        // "No change this month", declared on the 20th.
        var declarer = await server.CreateUserAsync(declared, "editor");
        using (var client = declarer.Client(server))
        {
            var response = await client.PostAsJsonAsync("/api/compliance/declarations", new { month = Month, comment = "Không phát sinh sự cố trong tháng." });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/compliance/declarations",
                new { month = Month, comment = "Lần nữa" })).StatusCode);
        }

        await server.ScalarAsync<int>(
            "UPDATE envgis.update_declarations SET declared_at = TIMESTAMPTZ '2026-05-20 16:00+07' WHERE unit_code = $1 RETURNING 1", declared);

        var rows = await BoardMonthAsync(admin);
        Assert.Equal("on-time", Row(rows, on29).GetProperty("status").GetString());
        Assert.Equal("on-time", Row(rows, on30).GetProperty("status").GetString());
        Assert.Equal("late", Row(rows, on31).GetProperty("status").GetString());
        Assert.Equal("late", Row(rows, commune).GetProperty("status").GetString());
        Assert.Equal(0, Row(rows, commune).GetProperty("pendingApproval").GetInt32());
        Assert.Equal("declared-no-change", Row(rows, declared).GetProperty("status").GetString());
        Assert.Equal("Không phát sinh sự cố trong tháng.", Row(rows, declared).GetProperty("declaration").GetProperty("comment").GetString());
        Assert.Equal("missing", Row(rows, missing).GetProperty("status").GetString());
        Assert.True(Row(rows, missing).GetProperty("overdue").GetBoolean());
        var changes = Row(rows, on29).GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(ComplianceTestSupport.Layer, changes.GetProperty("layer").GetString());
        Assert.Equal(1, changes.GetProperty("records").GetInt32());
        Assert.Equal(DateTime.Parse("2026-05-29T03:00:00Z").ToUniversalTime(), Row(rows, on29).GetProperty("lastUpdate").GetDateTime().ToUniversalTime());
        Assert.Equal(DateTime.Parse("2026-05-30T17:00:00Z").ToUniversalTime(), Row(rows, on29).GetProperty("deadline").GetDateTime().ToUniversalTime());

        // Late ones first, then missing, declared and on time.
        var order = rows.EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(order.OrderBy(s => s switch { "late" => 0, "missing" => 1, "declared-no-change" => 2, _ => 3 }).ToList(), order);

        // Filters: kind and commune.
        var zone = await (await admin.GetAsync($"/api/compliance?month={Month}&kind=economic_zone_authority")).JsonAsync();
        Assert.Contains(zone.EnumerateArray(), r => r.GetProperty("unit").GetString() == on31);
        Assert.All(zone.EnumerateArray(), r => Assert.Equal("economic_zone_authority", r.GetProperty("kind").GetString()));
        var communes = await (await admin.GetAsync($"/api/compliance?month={Month}&commune=HP012")).JsonAsync();
        Assert.Contains(communes.EnumerateArray(), r => r.GetProperty("unit").GetString() == commune);
        Assert.All(communes.EnumerateArray(), r => Assert.Equal("HP012", r.GetProperty("commune").GetString()));

        // The board: units × months, units with late or overdue months first.
        var board = await (await admin.GetAsync("/api/compliance/board?from=2026-04&to=2026-05")).JsonAsync();
        Assert.Equal(["2026-04", "2026-05"], board.GetProperty("months").EnumerateArray().Select(m => m.GetString()!).ToList());
        var units = board.GetProperty("units").EnumerateArray().ToList();
        var lateCount = units.Select(u => u.GetProperty("late").GetInt32() + u.GetProperty("overdue").GetInt32()).ToList();
        Assert.Equal(lateCount.OrderByDescending(n => n).ToList(), lateCount);
        var onTime = units.Single(u => u.GetProperty("unit").GetString() == on29);
        Assert.Equal(["missing", "on-time"], onTime.GetProperty("months").EnumerateArray().Select(c => c.GetProperty("status").GetString()!).ToList());

        // A unit sees only itself.
        using (var client = (await server.CreateUserAsync(on31, "approver")).Client(server))
        {
            var own = await (await client.GetAsync($"/api/compliance?month={Month}")).JsonAsync();
            Assert.Equal([on31], own.EnumerateArray().Select(r => r.GetProperty("unit").GetString()!).ToList());
            var ownBoard = await (await client.GetAsync("/api/compliance/board?from=2026-05&to=2026-05")).JsonAsync();
            Assert.Equal([on31], ownBoard.GetProperty("units").EnumerateArray().Select(r => r.GetProperty("unit").GetString()!).ToList());
            var mine = await client.GetAsync("/api/compliance/mine?months=12");
            Assert.True(mine.Headers.CacheControl is { Private: true, NoStore: true });
            var obligations = await mine.JsonAsync();
            Assert.True(obligations.GetProperty("obliged").GetBoolean());
            Assert.Contains(obligations.GetProperty("months").EnumerateArray(),
                r => r.GetProperty("month").GetString() == Month && r.GetProperty("status").GetString() == "late");
        }
    }

    [Fact]
    public async Task Declarations_are_refused_for_future_months_after_edits_without_a_comment_and_for_units_that_owe_nothing()
    {
        var unit = await server.ObligedUnitAsync();
        var editor = await server.CreateUserAsync(unit, "editor");
        using var client = editor.Client(server);
        var next = DateTime.UtcNow.AddHours(7).AddMonths(1).ToString("yyyy-MM");
        foreach (var (body, status, code) in new (object Body, HttpStatusCode Status, string Code)[]
                 {
                     (new { month = next, comment = "Tương lai" }, HttpStatusCode.BadRequest, "month-in-future"),
                     (new { month = "2026-13", comment = "x" }, HttpStatusCode.BadRequest, "invalid-month"),
                     (new { month = "May 2026", comment = "x" }, HttpStatusCode.BadRequest, "invalid-month"),
                     (new { month = "2026-04", comment = "   " }, HttpStatusCode.BadRequest, "invalid-comment"),
                     (new { month = "2026-04", comment = "a\u0001b" }, HttpStatusCode.BadRequest, "invalid-text"), // the one text rule, at input
                     (new { month = "2026-04", comment = new string('x', 2001) }, HttpStatusCode.BadRequest, "invalid-comment"),
                 })
        {
            var refused = await client.PostAsJsonAsync("/api/compliance/declarations", body);
            Assert.Equal(status, refused.StatusCode);
            Assert.Equal(code, (await refused.JsonAsync()).GetProperty("code").GetString());
        }

        Assert.Equal(0, await server.ScalarAsync<long>("SELECT count(*) FROM envgis.update_declarations WHERE unit_code = $1", unit));

        // A unit that changed records in the month cannot declare that nothing changed.
        var id = await server.CreateIncidentAsync(editor, await server.InsideAsync("HP012"));
        await server.ScriptAsync(id, "insert", "2026-03-10 10:00");
        var updated = await client.PostAsJsonAsync("/api/compliance/declarations", new { month = "2026-03", comment = "Không đổi" });
        Assert.Equal(HttpStatusCode.Conflict, updated.StatusCode);
        Assert.Equal("already-updated", (await updated.JsonAsync()).GetProperty("code").GetString());

        // Enterprises and the administrator owe no monthly update; anonymous callers are not signed in.
        using (var reporter = (await server.CreateUserAsync("dn-thep-hai-long", "reporter")).Client(server))
        {
            var refused = await reporter.PostAsJsonAsync("/api/compliance/declarations", new { month = "2026-04", comment = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var department = (await server.CreateUserAsync("so-nnmt", "editor")).Client(server))
        {
            var refused = await department.PostAsJsonAsync("/api/compliance/declarations", new { month = "2026-04", comment = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("not-obliged", (await refused.JsonAsync()).GetProperty("code").GetString());
        }

        using (var admin = server.Admin())
        {
            var refused = await admin.PostAsJsonAsync("/api/compliance/declarations", new { month = "2026-04", comment = "x" });
            Assert.Equal("not-allowed", (await refused.JsonAsync()).GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/compliance?month=2026-5")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/compliance?kind=enterprise")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/compliance/board?from=2024-01&to=2026-05")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/compliance/board?from=2026-05&to=2026-04")).StatusCode);
        }

        using var anonymous = server.Basic();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/compliance")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/compliance/declarations", new { month = "2026-04", comment = "x" })).StatusCode);
    }

    private async Task<JsonElement> BoardMonthAsync(HttpClient admin)
    {
        var response = await admin.GetAsync($"/api/compliance?month={Month}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
        return await response.JsonAsync();
    }

    private static JsonElement Row(JsonElement rows, string unit) => rows.EnumerateArray().Single(r => r.GetProperty("unit").GetString() == unit);
}
