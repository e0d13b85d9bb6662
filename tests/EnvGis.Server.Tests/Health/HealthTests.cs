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
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
