using System.Net;
using EnvGis.Data.Accounts;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Security;

/// <summary>
/// Sign-in throttling (docs/hardening.md): attempts counted atomically in the database, by client and by
/// account, without letting strangers lock the holder out.
/// </summary>
[Collection("server")]
public sealed class SignInThrottlingTests(ServerFixture server)
{
    [Fact]
    public async Task Sixteen_parallel_guesses_get_exactly_five_password_checks()
    {
        var user = await server.CreateUserAsync("so-y-te", "editor");
        const string attacker = "192.0.2.20";
        var guesses = Enumerable.Range(0, 16).Select(async i =>
        {
            using var client = server.BasicFrom(user.Name, "guess-number-" + i, attacker);
            using var response = await client.GetAsync("/api/account/me");
            return response.StatusCode;
        });
        Assert.All(await Task.WhenAll(guesses), status => Assert.Equal(HttpStatusCode.Unauthorized, status));

        Assert.Equal(SignInThrottle.PairLimit, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.sign_ins WHERE user_name = $1 AND failure = 'wrong password'", user.Name));
        Assert.Equal(16 - SignInThrottle.PairLimit, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.sign_ins WHERE user_name = $1 AND failure = 'throttled'", user.Name));
        using var right = server.BasicFrom(user.Name, user.Password, attacker);
        Assert.Equal(HttpStatusCode.Unauthorized, (await right.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task Strangers_cannot_lock_the_holder_out_of_an_account()
    {
        var user = await server.CreateUserAsync("so-y-te", "editor");
        const string holdersPc = "192.0.2.30";
        using (var first = server.BasicFrom(user.Name, user.Password, holdersPc))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/account/me")).StatusCode);
        }

        // Many strangers, each from its own address, under the per-client limit: together far over the account's.
        for (var i = 0; i < SignInThrottle.AccountLimit + 5; i++)
        {
            using var stranger = server.BasicFrom(user.Name, "guess-" + i, $"203.0.113.{i + 1}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/account/me")).StatusCode);
        }

        // The account is held against new clients, even with the right password…
        using var newcomer = server.BasicFrom(user.Name, user.Password, "198.51.100.77");
        Assert.Equal(HttpStatusCode.Unauthorized, (await newcomer.GetAsync("/api/account/me")).StatusCode);
        // …but its holder, from where they signed in before, goes on working, over Basic and in the portal.
        using var holder = server.BasicFrom(user.Name, user.Password, holdersPc);
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync("/wfs?SERVICE=WFS&REQUEST=GetCapabilities")).StatusCode);
    }

    [Fact]
    public async Task A_client_guessing_many_names_is_stopped_for_every_name()
    {
        var user = await server.CreateUserAsync("so-y-te", "editor");
        const string scanner = "192.0.2.40";
        for (var i = 0; i < SignInThrottle.ClientLimit; i++)
        {
            using var guess = server.BasicFrom($"nobody-{i}-{Guid.NewGuid():N}"[..20], "password-guess", scanner);
            Assert.Equal(HttpStatusCode.Unauthorized, (await guess.GetAsync("/api/account/me")).StatusCode);
        }

        using var right = server.BasicFrom(user.Name, user.Password, scanner);
        Assert.Equal(HttpStatusCode.Unauthorized, (await right.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(1L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.sign_ins WHERE user_name = $1 AND failure = 'throttled'", user.Name));
    }
}
