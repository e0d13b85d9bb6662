using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;
using Npgsql;

namespace EnvGis.Server.Tests.Ows;

/// <summary>Requests to the WFS of the test server and the database truths to compare them with.</summary>
public static class WfsTestSupport
{
    public static readonly XNamespace Wfs20 = "http://www.opengis.net/wfs/2.0";
    public static readonly XNamespace Wfs11 = "http://www.opengis.net/wfs";
    public static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";
    public static readonly XNamespace Gml32 = "http://www.opengis.net/gml/3.2";
    public static readonly XNamespace Envgis = "https://envgis.haiphong.gov.vn/wfs";

    public static async Task<(HttpStatusCode Status, string Body, string? ContentType)> GetAsync(this ServerFixture server, string query)
    {
        using var response = await server.Client.GetAsync("/wfs?" + query);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    public static async Task<string> GetOkAsync(this ServerFixture server, string query)
    {
        var (status, body, _) = await server.GetAsync(query);
        Assert.True(status == HttpStatusCode.OK, $"{query} → {(int)status}: {body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    public static async Task<JsonDocument> GeoJsonAsync(this ServerFixture server, string query) =>
        JsonDocument.Parse(await server.GetOkAsync("service=WFS&version=2.0.0&request=GetFeature&outputFormat=application/json&" + query));

    /// <summary>Asserts an OWS exception report with the code, locator and status.</summary>
    public static async Task<XElement> AssertExceptionAsync(this ServerFixture server, string query, HttpStatusCode status, string code, string? locator = null)
    {
        var (actual, body, _) = await server.GetAsync(query);
        return AssertException(actual, body, status, code, locator);
    }

    public static XElement AssertException(HttpStatusCode actual, string body, HttpStatusCode status, string code, string? locator)
    {
        Assert.True(actual == status, $"expected {(int)status}, got {(int)actual}: {body[..Math.Min(body.Length, 1500)]}");
        Assert.Contains("<ows:ExceptionReport", body, StringComparison.Ordinal);
        var exception = XElement.Parse(body).Elements().First(e => e.Name.LocalName == "Exception");
        Assert.Equal(code, exception.Attribute("exceptionCode")?.Value);
        if (locator is not null)
        {
            Assert.Equal(locator, exception.Attribute("locator")?.Value, StringComparer.OrdinalIgnoreCase);
        }

        return exception;
    }

    public static async Task<T> ScalarAsync<T>(this ServerFixture server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<int> ExecuteAsync(this ServerFixture server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Public (published, not restricted) record count of a layer, straight from the database.</summary>
    public static Task<long> PublicCountAsync(this ServerFixture server, string layer, string where = "TRUE") =>
        server.ScalarAsync<long>($"SELECT count(*) FROM data.\"{layer}\" WHERE status = 'published' AND NOT restricted AND ({where})");

    /// <summary>Names of the layers the public may see (not restricted), from the catalogue table.</summary>
    public static async Task<List<string>> PublicLayersAsync(this ServerFixture server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM catalogue.layers WHERE NOT restricted ORDER BY name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>A fingerprint of every layer table (row count and max version), to prove requests changed nothing.</summary>
    public static Task<string> DataFingerprintAsync(this ServerFixture server) =>
        server.ScalarAsync<string>("SELECT string_agg(name || ':' || data_version, ',' ORDER BY name) FROM catalogue.layers");

    /// <summary>Runs a command-line client with a timeout; fails the test with its output when it fails.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, TimeSpan? timeout = null, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GDAL_HTTP_TIMEOUT"] = "60";
        start.Environment["CPL_CURL_VERBOSE"] = "NO";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', start.ArgumentList)} timed out.\n{await stdout}\n{await stderr}");
        }

        var output = await stdout + "\n" + await stderr;
        if (!allowFailure)
        {
            Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}:\n{output[..Math.Min(output.Length, 4000)]}");
        }

        return output;
    }
}
