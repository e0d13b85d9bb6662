using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Hostile;

/// <summary>
/// What every hostile request must get (issue 9 §2): a 4xx in the protocol's own form (an OGC exception
/// document, or RFC 7807 problem details), a whole body (the connection was not cut mid-document), and
/// no change in the database.
/// </summary>
public static class Hostile
{
    /// <summary>The state of everything a request could change: layer data versions, history, attachments, accounts, units, tokens, audit.</summary>
    public static Task<string> FingerprintAsync(this ServerFixture server) => server.ScalarAsync<string>(
        """
        SELECT concat_ws(' | ',
            (SELECT string_agg(name || ':' || data_version, ',' ORDER BY name) FROM catalogue.layers),
            (SELECT count(*) FROM envgis.record_history),
            (SELECT count(*) || '/' || count(deleted_at) FROM envgis.attachments),
            (SELECT count(*) || '/' || string_agg(security_stamp::text || disabled::text || role || unit_code, ',' ORDER BY id) FROM envgis.users),
            (SELECT count(*) || '/' || string_agg(code || name_vi || name_en || self_approve::text, ',' ORDER BY code) FROM envgis.units),
            (SELECT count(*) FROM envgis.unit_layers),
            (SELECT count(*) || '/' || count(revoked_at) FROM envgis.api_tokens),
            (SELECT count(*) FROM envgis.audit_log))
        """);

    /// <summary>Sends <paramref name="request"/>, reads the whole body, and checks it is an OGC exception report with a 4xx status.</summary>
    public static async Task<XElement> AssertOgcRefusalAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var media = response.Content.Headers.ContentType?.MediaType ?? "";
        Assert.True(media.Contains("xml", StringComparison.Ordinal), $"{Shorten(request.RequestUri)} ({status}): content type {media}: {Shorten(body)}");
        var root = XDocument.Parse(body).Root!;
        Assert.Contains(root.Name.LocalName, new[] { "ExceptionReport", "ServiceExceptionReport" });
        // OWS Common gives 501 to an operation or option the server does not offer; everything else is a 4xx.
        var code = root.Descendants().Select(e => e.Attribute("exceptionCode")?.Value ?? e.Attribute("code")?.Value).FirstOrDefault(c => c is not null);
        Assert.True(status is >= 400 and < 500 || (status == 501 && code is "OperationNotSupported" or "OptionNotSupported"),
            $"{request.Method} {Shorten(request.RequestUri)} answered {status}: {Shorten(body)}");
        return root;
    }

    /// <summary>Sends <paramref name="request"/>, reads the whole body, and checks it is problem details with a 4xx status.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{request.Method} {Shorten(request.RequestUri)} answered {status}: {Shorten(body)}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{request.Method} {Shorten(request.RequestUri)} ({status}): content type {response.Content.Headers.ContentType}: {Shorten(body)}");
        using var document = JsonDocument.Parse(body);
        Assert.Equal(status, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    /// <summary>Sends <paramref name="request"/> and checks a whole answer of <paramref name="expected"/> (hostile-looking input that is still valid).</summary>
    public static async Task<byte[]> AssertAnsweredAsync(HttpClient client, HttpRequestMessage request, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == expected,
            $"{request.Method} {Shorten(request.RequestUri)} answered {(int)response.StatusCode}: {Shorten(System.Text.Encoding.UTF8.GetString(body))}");
        return body;
    }

    /// <summary>
    /// For requests Kestrel itself refuses before EnvGis sees them (a NUL in the path, headers over 32 KB):
    /// a 4xx, whatever its body, and the server goes on answering.
    /// </summary>
    public static async Task AssertRefusedByTheServerAsync(ServerFixture server, HttpRequestMessage request)
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        using (var response = await client.SendAsync(request))
        {
            await response.Content.ReadAsByteArrayAsync();
            Assert.InRange((int)response.StatusCode, 400, 499);
        }

        using var after = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    public static HttpRequestMessage Get(string pathAndQuery) => new(HttpMethod.Get, pathAndQuery);

    public static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    public static HttpRequestMessage Send(HttpMethod method, string path, string body, string contentType) =>
        new(method, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };

    private static string Shorten(object? text)
    {
        var s = text?.ToString() ?? "";
        return s.Length > 300 ? s[..300] + "…" : s;
    }
}
