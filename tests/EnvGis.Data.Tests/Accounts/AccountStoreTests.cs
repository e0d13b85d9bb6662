using EnvGis.Data.Accounts;
using EnvGis.Data.Tests.Infrastructure;
using EnvGis.Data.Tests.Records;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnvGis.Data.Tests.Accounts;

[Collection("cluster")]
public sealed class AccountStoreTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_administrator_is_created_once_and_never_with_a_weak_password()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => AdministratorBootstrap.EnsureAsync(fixture.DataSource, "admin12345"));
        var (created, generated) = await AdministratorBootstrap.EnsureAsync(fixture.DataSource, null);
        var again = await AdministratorBootstrap.EnsureAsync(fixture.DataSource, "another-Strong-pw");
        Assert.False(again.Created);
        Assert.Equal(1, await fixture.ScalarAsync<long>("SELECT count(*) FROM envgis.users WHERE user_name = 'admin'"));
        if (created)
        {
            var verifier = new CredentialVerifier(new AccountStore(fixture.DataSource), new ApiTokenStore(fixture.DataSource), new SignInThrottle(fixture.DataSource), NullLogger<CredentialVerifier>.Instance);
            Assert.NotNull(generated);
            Assert.True((await verifier.VerifyPasswordAsync("admin", generated!, SignInMethod.Password, ClientInfo.Unknown, default)).Succeeded);
            Assert.False((await verifier.VerifyPasswordAsync("admin", "another-Strong-pw", SignInMethod.Password, ClientInfo.Unknown, default)).Succeeded);
        }
    }

    [Fact]
    public async Task Failures_throttle_the_client_and_are_logged_and_the_review_finds_unused_and_orphaned_accounts()
    {
        await RecordTestData.EnsureAsync(fixture);
        var users = new UserStore(fixture.DataSource);
        var name = "lock-" + Guid.NewGuid().ToString("N")[..8];
        var user = await users.CreateAsync(new NewUser(name, RecordTestData.CityUnit, Core.Security.Role.Editor, null, null, "Right-pass-123", false), "test");
        Assert.NotNull(user);
        var verifier = new CredentialVerifier(new AccountStore(fixture.DataSource), new ApiTokenStore(fixture.DataSource), new SignInThrottle(fixture.DataSource), NullLogger<CredentialVerifier>.Instance);

        var review = await new AccountReviewStore(fixture.DataSource).ReviewAsync();
        Assert.Contains(review.NeverUsed, a => a.UserName == name);
        Assert.Contains(review.NoNamedHolder, a => a.UserName == name);

        // Five wrong guesses from one client: its sixth attempt is refused without a look at the password,
        // with the same answer; another client is not held back; every failure is logged.
        var attacker = new ClientInfo("10.0.0.1", "test");
        for (var i = 1; i <= SignInThrottle.PairLimit; i++)
        {
            var failed = await verifier.VerifyPasswordAsync(name, "wrong-pass-" + i, SignInMethod.Basic, attacker, default);
            Assert.Equal(CredentialVerifier.WrongCredentials, failed.Failure);
        }

        var throttled = await verifier.VerifyPasswordAsync(name, "Right-pass-123", SignInMethod.Basic, attacker, default);
        Assert.False(throttled.Succeeded);
        Assert.Equal(CredentialVerifier.WrongCredentials, throttled.Failure);
        Assert.True((await verifier.VerifyPasswordAsync(name, "Right-pass-123", SignInMethod.Password, new ClientInfo("10.0.0.2", "test"), default)).Succeeded);
        Assert.Equal(SignInThrottle.PairLimit + 1, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.sign_ins WHERE user_name = $1 AND NOT succeeded", name));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.sign_ins WHERE user_name = $1 AND NOT succeeded AND failure = 'throttled'", name));

        await users.UnlockAsync(user!.Id, "test");
        Assert.True((await verifier.VerifyPasswordAsync(name, "Right-pass-123", SignInMethod.Basic, attacker, default)).Succeeded);
        await fixture.ScalarAsync<int>("UPDATE envgis.users SET last_used_at = now() - interval '91 days' WHERE user_name = $1 RETURNING 1", name);
        review = await new AccountReviewStore(fixture.DataSource).ReviewAsync();
        Assert.DoesNotContain(review.NeverUsed, a => a.UserName == name);
        Assert.Contains(review.Unused, a => a.UserName == name);

        var (token, _) = await new ApiTokenStore(fixture.DataSource).CreateAsync(user.Id, "t", TimeSpan.FromDays(1), "test");
        await fixture.ScalarAsync<int>(
            "UPDATE envgis.api_tokens SET created_at = now() - interval '3 days', expires_at = now() - interval '1 day' WHERE id = $1 RETURNING 1", token.Id);
        review = await new AccountReviewStore(fixture.DataSource).ReviewAsync();
        Assert.Contains(review.ExpiredTokens, t => t.Id == token.Id && t.UserName == name);
    }
}
