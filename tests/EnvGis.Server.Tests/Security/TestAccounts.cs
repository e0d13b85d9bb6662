using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Security;

/// <summary>Accounts for tests, made through the administrator's API, and clients that authenticate as them.</summary>
public static class TestAccounts
{
    public const string AdminUser = "admin";

    /// <summary>A client sending HTTP Basic with every request (as QGIS and GDAL do), or anonymous.</summary>
    public static HttpClient Basic(this ServerFixture server, string? user = null, string? password = null)
    {
        var client = new HttpClient { BaseAddress = server.BaseUrl };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return client;
    }

    /// <summary>A Basic client seen as coming from <paramref name="address"/> (the tests are the server's trusted proxy).</summary>
    public static HttpClient BasicFrom(this ServerFixture server, string user, string password, string address)
    {
        var client = server.Basic(user, password);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public static HttpClient Bearer(this ServerFixture server, string token)
    {
        var client = new HttpClient { BaseAddress = server.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient Admin(this ServerFixture server) => server.Basic(AdminUser, ServerFixture.AdminPassword);

    /// <summary>Creates an account with a known password; returns its user name and password.</summary>
    public static async Task<TestUser> CreateUserAsync(this ServerFixture server, string unit, string role,
        string? holder = "Nguyễn Văn Thử", bool clientCanWrite = false)
    {
        var name = $"{role[..3]}-{Guid.NewGuid():N}"[..20];
        var password = "Pw-" + Guid.NewGuid().ToString("N")[..16];
        using var admin = server.Admin();
        var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = name, unit, role, holderName = holder, password, clientCanWrite = clientCanWrite ? true : (bool?)null,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return new TestUser(name, password, unit, role);
    }

    /// <summary>Sets a unit's scope through the administrator's API.</summary>
    public static async Task SetScopeAsync(this ServerFixture server, string unit, string[] layers, bool? wholeCity = null,
        string[]? communes = null, string? newRecordStatus = null, bool? selfApprove = null)
    {
        using var admin = server.Admin();
        var response = await admin.PutAsJsonAsync($"/api/admin/units/{unit}/scope",
            new { layers, wholeCity, communes, newRecordStatus, selfApprove });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

/// <summary>An account made for a test.</summary>
public sealed record TestUser(string Name, string Password, string Unit, string Role)
{
    public HttpClient Client(ServerFixture server) => server.Basic(Name, Password);
}
