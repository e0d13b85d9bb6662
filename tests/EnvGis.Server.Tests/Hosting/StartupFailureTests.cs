using System.Net;
using System.Net.Sockets;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Hosting;

/// <summary>
/// The real server process refusing to start: one clear line, exit code 1, no stack trace, nothing
/// left running; and readiness that covers the portal.
/// </summary>
[Collection("server")]
public sealed class StartupFailureTests(ServerFixture server) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("envgis-startup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_bad_administrator_password_is_one_line_and_exit_code_1()
    {
        var output = await FailingStartAsync(new() { ["ENVGIS_ADMIN_PASSWORD"] = "short", ["ENVGIS_DATA_DIR"] = Path.Combine(folder, "data") });
        Assert.Contains("EnvGis could not start: ENVGIS_ADMIN_PASSWORD is not acceptable", output);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")), "nothing is created before the settings are checked");
    }

    [Fact]
    public async Task Missing_PostgreSQL_binaries_name_the_packages()
    {
        var output = await FailingStartAsync(new() { ["ENVGIS_PG_BIN"] = "/nonexistent/bin", ["ENVGIS_DATA_DIR"] = Path.Combine(folder, "data") });
        Assert.Contains("EnvGis could not start:", output);
        Assert.Contains("apt-get install postgresql-15 postgresql-15-postgis-3", output);
    }

    [Fact]
    public async Task An_unusable_data_folder_says_so()
    {
        var file = Path.Combine(folder, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var output = await FailingStartAsync(new() { ["ENVGIS_DATA_DIR"] = Path.Combine(file, "data") });
        Assert.Contains("EnvGis could not start: The folder", output);
        Assert.Contains("ENVGIS_DATA_DIR", output);
    }

    [Fact]
    public async Task An_address_in_use_is_one_line_and_the_database_is_left_alone()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var output = await FailingStartAsync(new() { ["ConnectionStrings__EnvGis"] = server.ConnectionString }, port);
        Assert.Contains($"EnvGis could not start: Failed to bind to address http://127.0.0.1:{port}: address already in use", output);
        Assert.Contains("ENVGIS_URLS", output);
    }

    [Fact]
    public async Task Readiness_fails_with_the_reason_while_the_portal_is_not_built()
    {
        // The working folder is the content root: this one has no wwwroot.
        await using var process = ServerProcess.Start(
            new Dictionary<string, string> { ["ConnectionStrings__EnvGis"] = server.ConnectionString }, folder);
        await process.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        using var http = new HttpClient { BaseAddress = process.BaseUrl };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("portal").GetProperty("status").GetString());
        Assert.StartsWith("The map portal is not built (index.html missing", checks.GetProperty("portal").GetProperty("description").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Contains("The map portal is not built", process.Output);
    }

    private async Task<string> FailingStartAsync(Dictionary<string, string> environment, int? port = null)
    {
        await using var process = ServerProcess.Start(environment, folder, port: port);
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
        var output = process.Output;
        Assert.True(exit == 1, $"exit code {exit}:\n{output}");
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
        Assert.Single(output.Split('\n'), line => line.StartsWith("EnvGis could not start:", StringComparison.Ordinal));
        return output;
    }
}
