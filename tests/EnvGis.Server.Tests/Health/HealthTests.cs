using System.Net;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Health;

[Collection("server")]
public sealed class HealthTests(ServerFixture server)
{
    [Fact]
    public async Task Live_and_ready_answer_200_while_the_database_runs()
    {
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health/live")).StatusCode);
        var ready = await server.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("tile-changes").GetProperty("status").GetString());
        Assert.Contains("reads go to the primary", checks.GetProperty("standbys").GetProperty("description").GetString());
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
    }
}
