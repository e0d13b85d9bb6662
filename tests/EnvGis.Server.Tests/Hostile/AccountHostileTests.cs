using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EnvGis.Data.Accounts;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Hostile.Hostile;

namespace EnvGis.Server.Tests.Hostile;

/// <summary>
/// Credentials and account requests that are malformed or hostile: 4xx in the protocol's form (problem
/// details on /api, an exception report on the OGC paths), never a database error, nothing changed; and
/// every refused sign-in answers the same way.
/// </summary>
[Collection("server")]
public sealed class AccountHostileTests(ServerFixture server)
{
    public static TheoryData<string> BasicCredentials => new()
    {
        "ad\0min:" + ServerFixture.AdminPassword,
        "admin:" + ServerFixture.AdminPassword + "\0",
        "\0:\0",
        "ad\u0001min:x",
        new string('a', 10_000) + ":x",
        "admin",
        ":password",
        "admin:" + new string('p', 20_000),
    };

    [Fact]
    public async Task Credentials_larger_than_the_header_limit_are_refused_by_the_web_server()
    {
        var request = Get("/api/account/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + new string('p', 100_000))));
        await AssertRefusedByTheServerAsync(server, request);
    }

    [Theory]
    [MemberData(nameof(BasicCredentials))]
    public async Task Hostile_Basic_credentials_are_401_in_the_protocols_form(string credentials)
    {
        var before = await server.FingerprintAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
        foreach (var (path, ogc) in new[] { ("/api/account/me", false), ("/wfs?SERVICE=WFS&REQUEST=GetCapabilities", true) })
        {
            var request = Get(path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", encoded);
            request.Headers.Add("X-Forwarded-For", NewClient());
            if (ogc)
            {
                await AssertOgcRefusalAsync(client, request);
            }
            else
            {
                Assert.Equal(401, (await AssertProblemAsync(client, request)).GetProperty("status").GetInt32());
            }
        }

        Assert.Equal(before, await server.FingerprintAsync());
    }

    public static TheoryData<string> BadAuthorization => new()
    {
        "Basic !!!notbase64",
        "Basic " + Convert.ToBase64String([0xFF, 0xFE, 0x3A, 0x00]),
        "Bearer \u0001",
        "Bearer envgis_" + new string('x', 5000),
        "Digest username=\"admin\"",
    };

    [Theory]
    [MemberData(nameof(BadAuthorization))]
    public async Task Malformed_authorization_is_refused_not_ignored(string header)
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var request = Get("/api/account/me");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        request.Headers.Add("X-Forwarded-For", NewClient());
        await AssertProblemAsync(client, request);
    }

    public static TheoryData<string, string?> SignInBodies => new()
    {
        { "{\"userName\":\"ad\\u0000min\",\"password\":\"x\"}", "invalid-text" },
        { "{\"userName\":\"\\ud800\",\"password\":\"x\"}", "invalid-text" },
        { "{\"userName\":\"admin\",\"password\":\"\\udfff\"}", "invalid-text" },
        { "{\"userName\":5,\"password\":[]}", null },
        { "{\"userName\":{\"$gt\":\"\"},\"password\":{\"$gt\":\"\"}}", null },
        { new string('[', 300) + new string(']', 300), null },
        { "{\"userName\":\"admin\"", null },
        { "{\"userName\":\"admin' OR '1'='1\",\"password\":\"' OR '1'='1\"}", null },
    };

    [Theory]
    [MemberData(nameof(SignInBodies))]
    public async Task Hostile_sign_in_bodies_are_refused(string body, string? code)
    {
        var before = await server.FingerprintAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var request = Send(HttpMethod.Post, "/api/account/sign-in", body, "application/json");
        request.Headers.Add("X-Forwarded-For", NewClient());
        var problem = await AssertProblemAsync(client, request);
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        Assert.Equal(before, await server.FingerprintAsync());
    }

    [Fact]
    public async Task Administration_refuses_control_characters_in_names_and_changes_nothing()
    {
        using var admin = server.Admin();
        var before = await server.FingerprintAsync();
        var user = Send(HttpMethod.Post, "/api/admin/users",
            "{\"userName\":\"ctl-user\",\"unit\":\"so-tnmt\",\"role\":\"editor\",\"holderName\":\"Nguyễn\\u0007Văn\",\"password\":\"Long-enough-pw-1\"}", "application/json");
        Assert.Equal("invalid-text", (await AssertProblemAsync(admin, user)).GetProperty("code").GetString());
        var form = Post("/api/admin/users/admin/handover", new FormUrlEncodedContent([new("toHolder", "x\u0000y"), new("reason", "r")]));
        await AssertProblemAsync(admin, form);
        Assert.Equal(before, await server.FingerprintAsync());
    }

    [Fact]
    public async Task Every_refused_sign_in_looks_the_same_and_takes_a_password_check()
    {
        var disabled = await server.CreateUserAsync("so-khcn", "editor");
        using (var admin = server.Admin())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{disabled.Name}/disable", null)).StatusCode);
        }

        var throttled = await server.CreateUserAsync("so-khcn", "editor");
        var plain = await server.CreateUserAsync("so-khcn", "editor");
        var attacker = NewClient();
        for (var i = 0; i < SignInThrottle.PairLimit; i++)
        {
            await SignInAsync(throttled.Name, "wrong-password-" + i, attacker);
        }

        var cases = new Dictionary<string, Func<Task<(int Status, string Body, TimeSpan Took)>>>
        {
            ["unknown name"] = () => SignInAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "whatever-pw", NewClient()),
            ["wrong password"] = () => SignInAsync(plain.Name, "wrong-password", NewClient()),
            ["disabled, wrong password"] = () => SignInAsync(disabled.Name, "wrong-password", NewClient()),
            ["throttled, right password"] = () => SignInAsync(throttled.Name, throttled.Password, attacker),
        };
        var answers = new Dictionary<string, (int Status, string Body, TimeSpan Fastest)>();
        foreach (var (what, attempt) in cases)
        {
            var fastest = TimeSpan.MaxValue;
            (int Status, string Body, TimeSpan Took) last = (0, "", TimeSpan.Zero);
            for (var i = 0; i < 5; i++)
            {
                last = await attempt();
                fastest = last.Took < fastest ? last.Took : fastest;
            }

            answers[what] = (last.Status, last.Body, fastest);
        }

        var reference = answers["wrong password"];
        foreach (var (what, answer) in answers)
        {
            Assert.True(answer.Status == 401, $"{what}: {answer.Status}");
            Assert.True(answer.Body == reference.Body, $"{what} answered\n{answer.Body}\nnot\n{reference.Body}");
            // Same work: each refusal checks a password hash (a skipped check would be tens of times faster).
            Assert.True(answer.Fastest.TotalMilliseconds > reference.Fastest.TotalMilliseconds / 4,
                $"{what} took {answer.Fastest.TotalMilliseconds} ms, a wrong password {reference.Fastest.TotalMilliseconds} ms");
        }

        // The disabled account says so only to whoever knows its password.
        var right = await SignInAsync(disabled.Name, disabled.Password, NewClient());
        Assert.Contains("disabled", right.Body);
    }

    private async Task<(int Status, string Body, TimeSpan Took)> SignInAsync(string user, string password, string client)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var request = Get("/api/account/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        request.Headers.Add("X-Forwarded-For", client);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        var detail = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() ?? "";
        return ((int)response.StatusCode, detail, clock.Elapsed);
    }

    /// <summary>A client address of its own (the tests are the trusted proxy), so attempts here throttle no other test.</summary>
    public static string NewClient() => $"198.51.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
}
