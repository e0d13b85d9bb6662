using System.Net.Http.Headers;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wms;

/// <summary>A caller's map ETag depends only on what that caller can see (issue 9 §5).</summary>
[Collection("server")]
public sealed class WmsVisibleVersionTests(ServerFixture server)
{
    private static readonly double[] Square = [107.30, 20.60, 107.32, 20.62];

    [Fact]
    public async Task A_hidden_draft_leaves_the_public_ETag_alone_and_publishing_it_changes_it()
    {
        var query = Map111("polluted_zones", Square, 64, 64);
        var anonymous = (await server.WmsOkAsync(query)).Headers.ETag;
        using var admin = server.Admin();
        var adminEtag = await EtagAsync(admin, query);

        var id = await server.ScalarAsync<long>($"""
            INSERT INTO data.polluted_zones (name, pollution_type, severity, owner_unit, status, created_by, updated_by, geom)
            VALUES ('Bản nháp ẩn', 'water', 'high', 'so-nnmt', 'draft', 'test', 'test',
                    ST_Multi(ST_MakeEnvelope({Box(Square)}, 4326)))
            RETURNING id
            """);
        try
        {
            // Once the server has the change (the administrator sees it), the public's ETag is still the same.
            await WaitAsync(async () => await EtagAsync(admin, query) != adminEtag);
            Assert.Equal(anonymous, (await server.WmsOkAsync(query)).Headers.ETag);

            await server.ExecuteSqlAsync("UPDATE data.polluted_zones SET status = 'published' WHERE id = $1", id);
            await WaitAsync(async () => (await server.WmsOkAsync(query)).Headers.ETag != anonymous);
        }
        finally
        {
            await server.ExecuteSqlAsync("DELETE FROM data.polluted_zones WHERE id = $1", id);
        }
    }

    private static async Task<EntityTagHeaderValue?> EtagAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/wms?" + query);
        Assert.True(response.IsSuccessStatusCode);
        return response.Headers.ETag;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the change never reached the server");
            await Task.Delay(100);
        }
    }
}
