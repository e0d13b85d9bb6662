using EnvGis.Data.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Security;

[Collection("server")]
public sealed class AuthenticationTests(ServerFixture server)
{
    [Fact]
    public async Task The_first_start_created_the_one_administrator_with_the_configured_password()
    {
        Assert.Equal(1, await server.ScalarAsync<long>("SELECT count(*) FROM envgis.users WHERE role = 'administrator'"));
        Assert.Equal("so-nnmt", await server.ScalarAsync<string>("SELECT unit_code FROM envgis.users WHERE user_name = 'admin'"));
        var hash = await server.ScalarAsync<string>("SELECT password_hash FROM envgis.users WHERE user_name = 'admin'");
        Assert.DoesNotContain(ServerFixture.AdminPassword, hash);

        using var admin = server.Admin();
        var me = await (await admin.GetAsync("/api/account/me")).JsonAsync();
        Assert.Equal("admin", me.GetProperty("userName").GetString());
        Assert.Equal("administrator", me.GetProperty("role").GetString());
        Assert.True(me.GetProperty("area").GetProperty("wholeCity").GetBoolean());

        // A second administrator cannot be made.
        var second = await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = "admin2", unit = "so-nnmt", role = "administrator", password = "another-Long-pw1" });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(1, await server.ScalarAsync<long>("SELECT count(*) FROM envgis.users WHERE role = 'administrator'"));
    }

    [Fact]
    public async Task A_wrong_Basic_password_is_401_with_a_reason_and_is_logged()
    {
        var user = await server.CreateUserAsync("so-y-te", "editor");
        using var wrong = server.Basic(user.Name, "not-the-password");
        foreach (var path in new[] { "/api/account/me", "/api/layers", "/tiles/protected_areas/9/400/228.mvt" })
        {
            var response = await wrong.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString());
            Assert.Contains("wrong", (await response.JsonAsync()).GetProperty("detail").GetString());
        }

        var ows = await wrong.GetAsync("/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
        Assert.Equal(HttpStatusCode.Unauthorized, ows.StatusCode);
        Assert.Contains("<ows:ExceptionReport", await ows.Content.ReadAsStringAsync());

        Assert.True(await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.sign_ins WHERE user_name = $1 AND NOT succeeded AND method = 'basic'", user.Name) >= 3);
        using var right = user.Client(server);
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync("/api/account/me")).StatusCode);
        Assert.True(await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.sign_ins WHERE user_name = $1 AND succeeded", user.Name) >= 1);
    }

    [Fact]
    public async Task Five_failures_from_one_client_stop_it_even_with_the_right_password_until_unlocked_while_others_go_on()
    {
        var user = await server.CreateUserAsync("so-y-te", "editor");
        const string attacker = "192.0.2.10";
        using var wrong = server.BasicFrom(user.Name, "wrong-password-0", attacker);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/account/me")).StatusCode);
        }

        using var rightFromThere = server.BasicFrom(user.Name, user.Password, attacker);
        var stopped = await rightFromThere.GetAsync("/api/account/me");
        Assert.Equal(HttpStatusCode.Unauthorized, stopped.StatusCode);
        Assert.Equal(CredentialVerifier.WrongCredentials, (await stopped.JsonAsync()).GetProperty("detail").GetString());
        using var elsewhere = server.BasicFrom(user.Name, user.Password, "192.0.2.11");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/account/me")).StatusCode);

        using var admin = server.Admin();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{user.Name}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rightFromThere.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task Unsupported_or_malformed_authorization_is_refused_not_ignored()
    {
        using var client = server.Basic();
        foreach (var header in new[] { "Digest username=\"x\"", "Basic !!!notbase64", "Basic " + Convert.ToBase64String("no-colon"u8.ToArray()) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/layers");
            request.Headers.TryAddWithoutValidation("Authorization", header);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Portal_sign_in_needs_the_antiforgery_token_and_the_session_cookie_carries_the_scope()
    {
        var user = await server.CreateUserAsync("xa-hp020", "editor");
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.BaseUrl };

        // Without the token, and with a forged one: refused, no session.
        var body = new { userName = user.Name, password = user.Password };
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsJsonAsync("/api/account/sign-in", body)).StatusCode);
        var token = (await (await browser.GetAsync("/api/account/antiforgery")).JsonAsync()).GetProperty("token").GetString()!;
        using (var forged = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in") { Content = JsonContent.Create(body) })
        {
            forged.Headers.Add("X-CSRF-TOKEN", token[..^4] + "AAAA");
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendAsync(forged)).StatusCode);
        }

        Assert.Equal(0, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.sessions s JOIN envgis.users u ON u.id = s.user_id WHERE u.user_name = $1", user.Name));

        // Wrong password with a good token: 401.
        using (var bad = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in")
                   { Content = JsonContent.Create(new { userName = user.Name, password = "nope-nope-nope" }) })
        {
            bad.Headers.Add("X-CSRF-TOKEN", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(bad)).StatusCode);
        }

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in") { Content = JsonContent.Create(body) };
        signIn.Headers.Add("X-CSRF-TOKEN", token);
        var signedIn = await browser.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var json = await signedIn.JsonAsync();
        Assert.Equal("xa-hp020", json.GetProperty("account").GetProperty("unit").GetProperty("code").GetString());
        Assert.Equal(["HP020"], json.GetProperty("account").GetProperty("area").GetProperty("communes").EnumerateArray().Select(c => c.GetString()));
        var signedInToken = json.GetProperty("antiforgeryToken").GetString()!;

        var me = await (await browser.GetAsync("/api/account/me")).JsonAsync();
        Assert.Equal(user.Name, me.GetProperty("userName").GetString());
        Assert.Equal(1, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.sign_ins WHERE user_name = $1 AND succeeded AND method = 'password'", user.Name));

        // Sign-out needs the token too; then the cookie is worth nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/api/account/sign-out", null)).StatusCode);
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-out");
        signOut.Headers.Add("X-CSRF-TOKEN", signedInToken);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut)).StatusCode);
        var after = await browser.GetAsync("/api/account/me"); // the cookie is gone: an anonymous caller, answered with null
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("null", (await after.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task Bearer_tokens_are_shown_once_stored_hashed_and_refused_when_revoked_or_expired()
    {
        var client = await server.CreateUserAsync("ket-noi-bo-nnmt", "client", holder: "Trần Thị Kết Nối");
        using var admin = server.Admin();
        var created = await admin.PostAsJsonAsync($"/api/admin/users/{client.Name}/tokens", new { name = "ministry sync", expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.JsonAsync();
        var secret = json.GetProperty("token").GetString()!;
        var id = json.GetProperty("info").GetProperty("id").GetInt64();
        Assert.StartsWith("envgis_", secret);

        // Only a hash is stored, and listing tokens never shows the secret.
        Assert.Equal(0, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.api_tokens WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%' OR prefix = $1", secret));
        var listed = await admin.GetStringAsync($"/api/admin/users/{client.Name}/tokens");
        Assert.DoesNotContain(secret, listed);

        using (var bearer = server.Bearer(secret))
        {
            var me = await (await bearer.GetAsync("/api/account/me")).JsonAsync();
            Assert.Equal("client", me.GetProperty("role").GetString());
            Assert.False(me.GetProperty("canWrite").GetBoolean());
        }

        // Tokens are for connection accounts only.
        var editor = await server.CreateUserAsync("so-y-te", "editor");
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsJsonAsync($"/api/admin/users/{editor.Name}/tokens", new { name = "x" })).StatusCode);

        // Expired.
        await server.ScalarAsync<int>(
            "UPDATE envgis.api_tokens SET created_at = now() - interval '40 days', expires_at = now() - interval '1 day' WHERE id = $1 RETURNING 1", id);
        using (var expired = server.Bearer(secret))
        {
            var response = await expired.GetAsync("/api/account/me");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("expired", (await response.JsonAsync()).GetProperty("detail").GetString());
        }

        // Revoked.
        var second = await (await admin.PostAsJsonAsync($"/api/admin/users/{client.Name}/tokens", new { name = "second" })).JsonAsync();
        var secondSecret = second.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.PostAsync($"/api/admin/tokens/{second.GetProperty("info").GetProperty("id").GetInt64()}/revoke", null)).StatusCode);
        using (var revoked = server.Bearer(secondSecret))
        {
            var response = await revoked.GetAsync("/tiles/protected_areas/9/400/228.mvt");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("revoked", (await response.JsonAsync()).GetProperty("detail").GetString());
        }

        using var garbage = server.Bearer("envgis_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync("/api/layers")).StatusCode);
    }

    [Fact]
    public async Task Handover_records_who_to_whom_when_why_and_ends_the_old_holders_sessions_and_tokens()
    {
        var user = await server.CreateUserAsync("ket-noi-bo-nnmt", "client", holder: "Lê Văn Cũ");
        using var admin = server.Admin();
        await admin.PostAsJsonAsync($"/api/admin/users/{user.Name}/password", new { password = user.Password });
        var token = (await (await admin.PostAsJsonAsync($"/api/admin/users/{user.Name}/tokens", new { name = "old" })).JsonAsync())
            .GetProperty("token").GetString()!;

        // The old holder has a portal session too.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.BaseUrl };
        var csrf = (await (await browser.GetAsync("/api/account/antiforgery")).JsonAsync()).GetProperty("token").GetString()!;
        using (var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in")
                   { Content = JsonContent.Create(new { userName = user.Name, password = user.Password }) })
        {
            signIn.Headers.Add("X-CSRF-TOKEN", csrf);
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(signIn)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/account/me")).StatusCode);

        var missingReason = await admin.PostAsJsonAsync($"/api/admin/users/{user.Name}/handover", new { holderName = "Phạm Thị Mới" });
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);

        var handover = await admin.PostAsJsonAsync($"/api/admin/users/{user.Name}/handover",
            new { holderName = "Phạm Thị Mới", holderContact = "moi@example.vn", reason = "Người giữ tài khoản chuyển công tác" });
        Assert.Equal(HttpStatusCode.OK, handover.StatusCode);
        var json = await handover.JsonAsync();
        var newPassword = json.GetProperty("password").GetString()!;
        Assert.Equal(1, json.GetProperty("handover").GetProperty("sessionsEnded").GetInt32());
        Assert.Equal(1, json.GetProperty("handover").GetProperty("tokensRevoked").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/account/me")).StatusCode);
        using (var oldPassword = user.Client(server))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await oldPassword.GetAsync("/api/account/me")).StatusCode);
        }

        using (var oldToken = server.Bearer(token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await oldToken.GetAsync("/api/account/me")).StatusCode);
        }

        using (var successor = server.Basic(user.Name, newPassword))
        {
            Assert.Equal("Phạm Thị Mới", (await (await successor.GetAsync("/api/account/me")).JsonAsync()).GetProperty("holderName").GetString());
        }

        var history = (await (await admin.GetAsync($"/api/admin/users/{user.Name}/handovers")).JsonAsync()).EnumerateArray().ToList();
        var entry = Assert.Single(history);
        Assert.Equal("Lê Văn Cũ", entry.GetProperty("fromHolder").GetString());
        Assert.Equal("Phạm Thị Mới", entry.GetProperty("toHolder").GetString());
        Assert.Equal("admin", entry.GetProperty("performedBy").GetString());
        Assert.Equal("Người giữ tài khoản chuyển công tác", entry.GetProperty("reason").GetString());
        Assert.True((DateTime.UtcNow - entry.GetProperty("performedAt").GetDateTime().ToUniversalTime()).Duration() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Only_the_administrator_reaches_the_administration_API()
    {
        var editor = await server.CreateUserAsync("so-y-te", "approver");
        using var client = editor.Client(server);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/admin/units/so-y-te/scope",
            new { layers = new[] { "species_occurrences" }, wholeCity = true })).StatusCode);
        using var anonymous = server.Basic();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/account-review")).StatusCode);
        Assert.Equal(0, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.unit_layers WHERE unit_code = 'so-y-te' AND layer = 'species_occurrences'"));
    }

    [Fact]
    public async Task Accounts_are_validated_against_their_unit()
    {
        using var admin = server.Admin();
        async Task<HttpStatusCode> Create(object body) => (await admin.PostAsJsonAsync("/api/admin/users", body)).StatusCode;
        Assert.Equal(HttpStatusCode.BadRequest, await Create(new { userName = "x1-reporter", unit = "xa-hp001", role = "reporter" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Create(new { userName = "x1-editor", unit = "dn-thep-hai-long", role = "editor" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Create(new { userName = "x1-cl", unit = "ket-noi-bo-nnmt", role = "editor" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Create(new { userName = "BAD NAME", unit = "so-y-te", role = "editor" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Create(new { userName = "x1-nounit", unit = "no-such-unit", role = "editor" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Create(new { userName = "x1-short", unit = "so-y-te", role = "editor", password = "short" }));

        // Without a password one is generated and shown once.
        var created = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "gen-" + Guid.NewGuid().ToString("N")[..8], unit = "so-y-te", role = "editor" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.JsonAsync();
        var password = json.GetProperty("password").GetString()!;
        Assert.True(password.Length >= 16);
        using var generated = server.Basic(json.GetProperty("user").GetProperty("userName").GetString(), password);
        Assert.Equal(HttpStatusCode.OK, (await generated.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = json.GetProperty("user").GetProperty("userName").GetString(), unit = "so-y-te", role = "editor",
        })).StatusCode);
    }

    [Fact]
    public async Task The_scope_of_a_commune_is_its_own_polygon_and_communes_never_self_approve()
    {
        using var admin = server.Admin();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/units/xa-hp030/scope",
            new { wholeCity = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/units/xa-hp030/scope",
            new { selfApprove = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/units/so-khcn/scope",
            new { communes = new[] { "HP001", "NOPE" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/units/so-khcn/scope",
            new { layers = new[] { "no_such_layer" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/admin/units/no-such/scope",
            new { layers = Array.Empty<string>() })).StatusCode);
        Assert.False(await server.ScalarAsync<bool>("SELECT self_approve FROM envgis.units WHERE code = 'xa-hp030'"));

        var audited = await server.ScalarAsync<long>("SELECT count(*) FROM envgis.audit_log WHERE action = 'unit.scope' AND target = 'dn-vlxd-da-trang'");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/units/dn-vlxd-da-trang/scope",
            new { selfApprove = true })).StatusCode);
        var ok = await admin.PutAsJsonAsync("/api/admin/units/dn-vlxd-da-trang/scope",
            new { layers = new[] { "waste_sources" }, communes = new[] { "HP046", "HP045" }, newRecordStatus = "submitted" });
        var unit = await ok.JsonAsync();
        Assert.Equal(["HP045", "HP046"], unit.GetProperty("communes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["waste_sources"], unit.GetProperty("layers").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("submitted", unit.GetProperty("newRecordStatus").GetString());
        Assert.Equal(JsonValueKind.False, unit.GetProperty("wholeCity").ValueKind);
        Assert.Equal(audited + 1, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.audit_log WHERE action = 'unit.scope' AND target = 'dn-vlxd-da-trang' AND actor = 'admin'"));
    }
}
