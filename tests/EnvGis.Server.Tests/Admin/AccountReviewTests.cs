using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Admin;

[Collection("server")]
public sealed class AccountReviewTests(ServerFixture server)
{
    [Fact]
    public async Task The_review_lists_accounts_never_used_unused_for_90_days_without_a_holder_and_expired_tokens()
    {
        var neverUsed = await server.CreateUserAsync("so-khcn", "editor");
        var orphan = await server.CreateUserAsync("so-khcn", "editor", holder: null);
        var stale = await server.CreateUserAsync("so-khcn", "approver");
        var active = await server.CreateUserAsync("so-khcn", "approver");
        var connection = await server.CreateUserAsync("ket-noi-bo-nnmt", "client", holder: "Đỗ Văn Kết Nối");
        using (var client = active.Client(server))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/me")).StatusCode);
        }

        using (var client = stale.Client(server))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/me")).StatusCode);
        }

        await server.ScalarAsync<int>("UPDATE envgis.users SET last_used_at = now() - interval '120 days' WHERE user_name = $1 RETURNING 1", stale.Name);
        using var admin = server.Admin();
        var token = await (await admin.PostAsJsonAsync($"/api/admin/users/{connection.Name}/tokens", new { name = "old sync", expiresInDays = 1 })).JsonAsync();
        var tokenId = token.GetProperty("info").GetProperty("id").GetInt64();
        await server.ScalarAsync<int>(
            "UPDATE envgis.api_tokens SET created_at = now() - interval '10 days', expires_at = now() - interval '9 days' WHERE id = $1 RETURNING 1", tokenId);

        var review = await (await admin.GetAsync("/api/admin/account-review")).JsonAsync();
        static List<string> Names(JsonElement list) => list.EnumerateArray().Select(a => a.GetProperty("userName").GetString()!).ToList();
        Assert.Contains(neverUsed.Name, Names(review.GetProperty("neverUsed")));
        Assert.DoesNotContain(active.Name, Names(review.GetProperty("neverUsed")));
        Assert.Contains(stale.Name, Names(review.GetProperty("unused")));
        Assert.DoesNotContain(active.Name, Names(review.GetProperty("unused")));
        Assert.Contains(orphan.Name, Names(review.GetProperty("noNamedHolder")));
        Assert.DoesNotContain(neverUsed.Name, Names(review.GetProperty("noNamedHolder")));
        var expired = review.GetProperty("expiredTokens").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == tokenId);
        Assert.Equal(connection.Name, expired.GetProperty("userName").GetString());

        // Revoking it takes it off the review.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/tokens/{tokenId}/revoke", null)).StatusCode);
        review = await (await admin.GetAsync("/api/admin/account-review")).JsonAsync();
        Assert.DoesNotContain(review.GetProperty("expiredTokens").EnumerateArray(), t => t.GetProperty("id").GetInt64() == tokenId);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_access_and_every_administrative_change_is_audited()
    {
        var user = await server.CreateUserAsync("so-khcn", "editor");
        using var admin = server.Admin();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{user.Name}/disable", null)).StatusCode);
        using (var client = user.Client(server))
        {
            var refused = await client.GetAsync("/api/account/me");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("disabled", (await refused.JsonAsync()).GetProperty("detail").GetString());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/admin/users/admin/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{user.Name}/enable", null)).StatusCode);
        using (var client = user.Client(server))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/me")).StatusCode);
        }

        Assert.Equal(["user.create", "user.disable", "user.enable"], await server.ListAsync<string>(
            "SELECT action FROM envgis.audit_log WHERE target = $1 ORDER BY id", user.Name));
        var log = await (await admin.GetAsync($"/api/admin/sign-ins?user={user.Name}")).JsonAsync();
        Assert.Contains(log.EnumerateArray(), e => !e.GetProperty("succeeded").GetBoolean() && e.GetProperty("failure").GetString()!.Contains("disabled"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/users/no-such-user/disable", null)).StatusCode);
    }
}
