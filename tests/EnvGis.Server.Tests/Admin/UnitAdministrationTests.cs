using System.Net;
using System.Net.Http.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Admin;

[Collection("server")]
public sealed class UnitAdministrationTests(ServerFixture server)
{
    [Fact]
    public async Task The_administrator_creates_and_edits_units_with_their_rules_and_an_audit_trail()
    {
        var code = $"ban-thu-{Guid.NewGuid():N}"[..20];
        using var admin = server.Admin();

        var created = await admin.PostAsJsonAsync("/api/admin/units",
            new { code, nameVi = "Ban Quản lý thử", nameEn = "Test board", kind = "city_department", selfApprove = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await created.JsonAsync();
        Assert.Equal("Ban Quản lý thử", unit.GetProperty("nameVi").GetString());
        Assert.True(unit.GetProperty("selfApprove").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/admin/units",
            new { code, nameVi = "x", nameEn = "x", kind = "city_department" })).StatusCode);

        // Refusals, each naming its field.
        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (new { code = "Bad Code", nameVi = "x", nameEn = "x", kind = "commune" }, "code"),
                     (new { code = code + "-b", nameVi = " ", nameEn = "x", kind = "city_department" }, "nameVi"),
                     (new { code = code + "-c", nameVi = "x", nameEn = "x", kind = "ministry" }, "kind"),
                     (new { code = code + "-d", nameVi = "x", nameEn = "x", kind = "commune" }, "communeCode"),
                     (new { code = code + "-e", nameVi = "x", nameEn = "x", kind = "commune", communeCode = "HP999" }, "communeCode"),
                     (new { code = code + "-f", nameVi = "x", nameEn = "x", kind = "commune", communeCode = "HP001", selfApprove = true }, "selfApprove"),
                 })
        {
            var refused = await admin.PostAsJsonAsync("/api/admin/units", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(field, (await refused.JsonAsync()).GetProperty("field").GetString());
        }

        // Editing: the names, no more self-approval; a kind its accounts' roles do not allow is refused.
        var editor = await server.CreateUserAsync(code, "editor");
        var changed = await admin.PutAsJsonAsync($"/api/admin/units/{code}", new { nameEn = "Test management board", selfApprove = false });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await changed.JsonAsync();
        Assert.Equal("Test management board", after.GetProperty("nameEn").GetString());
        Assert.Equal("Ban Quản lý thử", after.GetProperty("nameVi").GetString());
        Assert.False(after.GetProperty("selfApprove").GetBoolean());
        var toEnterprise = await admin.PutAsJsonAsync($"/api/admin/units/{code}", new { kind = "enterprise" });
        Assert.Equal(HttpStatusCode.BadRequest, toEnterprise.StatusCode);
        Assert.Contains("editor", (await toEnterprise.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/admin/units/khong-co", new { nameVi = "x" })).StatusCode);

        Assert.Equal(["unit.create", "unit.update"], await server.ListAsync<string>(
            "SELECT action FROM envgis.audit_log WHERE target = $1 AND action LIKE 'unit.%' ORDER BY id", code));

        // Only the administrator.
        using var other = editor.Client(server);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/admin/units",
            new { code = code + "-x", nameVi = "x", nameEn = "x", kind = "city_department" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/admin/units/{code}", new { nameVi = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_administrator_changes_an_accounts_unit_role_and_contact_without_a_handover_and_its_sessions_end()
    {
        var user = await server.CreateUserAsync("so-khcn", "editor", holder: "Phạm Thị Giữ");
        using var admin = server.Admin();
        using (var before = user.Client(server))
        {
            Assert.Equal("so-khcn", (await (await before.GetAsync("/api/account/me")).JsonAsync()).GetProperty("unit").GetProperty("code").GetString());
        }

        var changed = await admin.PutAsJsonAsync($"/api/admin/users/{user.Name}", new { unit = "so-y-te", role = "approver", holderContact = "0225 123 456" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var account = await changed.JsonAsync();
        Assert.Equal("so-y-te", account.GetProperty("unitCode").GetString());
        Assert.Equal("approver", account.GetProperty("role").GetString());
        Assert.Equal("0225 123 456", account.GetProperty("holderContact").GetString());
        Assert.Equal("Phạm Thị Giữ", account.GetProperty("holderName").GetString()); // the holder is the same person: no handover
        Assert.Equal(0L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.account_handovers h JOIN envgis.users u ON u.id = h.user_id WHERE u.user_name = $1", user.Name));
        using (var after = user.Client(server))
        {
            var me = await (await after.GetAsync("/api/account/me")).JsonAsync();
            Assert.Equal("so-y-te", me.GetProperty("unit").GetProperty("code").GetString());
            Assert.Equal("approver", me.GetProperty("role").GetString());
        }

        // A role the unit's kind does not allow, an unknown unit, the administrator's own account: refused.
        Assert.Equal("role", (await (await admin.PutAsJsonAsync($"/api/admin/users/{user.Name}", new { role = "client" })).JsonAsync())
            .GetProperty("field").GetString());
        Assert.Equal("unit", (await (await admin.PutAsJsonAsync($"/api/admin/users/{user.Name}", new { unit = "khong-co" })).JsonAsync())
            .GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/users/admin", new { role = "editor" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/admin/users/khong-co-ai", new { role = "editor" })).StatusCode);
        Assert.Equal(1L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.audit_log WHERE action = 'user.update' AND target = $1", user.Name));
    }
}
