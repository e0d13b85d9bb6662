using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wms;

/// <summary>ETag and Cache-Control of maps: 304 while nothing changed, a new ETag and a new picture after an edit.</summary>
[Collection("server")]
public sealed class WmsCachingTests(ServerFixture server)
{
    // A corner of the Cát Bà view far from every protected area (checked below).
    private static readonly double[] Square = [106.955, 20.725, 106.965, 20.735];

    [Fact]
    public async Task An_unchanged_map_answers_304_and_an_edit_changes_the_etag_and_the_picture()
    {
        var query = Map111("protected_areas", CatBa, 250, 160);
        var first = await server.WmsOkAsync(query, "image/png");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString());
        Assert.True(first.Headers.CacheControl?.Public);

        var again = await server.WmsAsync(query, configure: r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Empty(again.Body);

        // Another request (other size) is another image with another ETag.
        var other = await server.WmsOkAsync(Map111("protected_areas", CatBa, 250, 161));
        Assert.NotEqual(etag, other.Headers.ETag);

        var centre = ((Square[0] + Square[2]) / 2, (Square[1] + Square[3]) / 2);
        var covering = await server.CoveringAsync("protected_areas", "kind", [centre], 0.01);
        Assert.Empty(covering[0]!);
        var (i, j) = ((int)((centre.Item1 - CatBa[0]) / (CatBa[2] - CatBa[0]) * 250), (int)((CatBa[3] - centre.Item2) / (CatBa[3] - CatBa[1]) * 160));
        using (var before = Decode(first.Body))
        {
            Assert.Equal(0, before.GetPixel(i, j).Alpha);
        }

        long id = 0;
        try
        {
            id = await server.ScalarAsync<long>($"""
                INSERT INTO data.protected_areas (name, kind, owner_unit, status, created_by, updated_by, geom)
                VALUES ('Khu thử nghiệm bộ nhớ đệm', 'nature_reserve', 'so-nnmt', 'published', 'test', 'test',
                        ST_Multi(ST_MakeEnvelope({Box(Square)}, 4326)))
                RETURNING id
                """);
            var edited = await server.WmsAsync(query, configure: r => r.Headers.IfNoneMatch.Add(etag));
            Assert.Equal(HttpStatusCode.OK, edited.Status);
            Assert.NotEqual(etag, edited.Headers.ETag);
            using var after = Decode(edited.Body);
            Assert.True(Near(after.GetPixel(i, j), server.RuleFill("protected_areas", "nature_reserve"), 3), after.GetPixel(i, j).ToString());
        }
        finally
        {
            await server.ExecuteSqlAsync("DELETE FROM data.protected_areas WHERE id = $1", id);
        }

        // The deletion is an edit too: the ETag moves on again and the square is gone.
        var restored = await server.WmsOkAsync(query);
        Assert.NotEqual(etag, restored.Headers.ETag);
        using var final = Decode(restored.Body);
        Assert.Equal(0, final.GetPixel(i, j).Alpha);
    }

    [Fact]
    public async Task An_edit_to_another_layer_does_not_change_the_etag()
    {
        var query = Map111("protected_areas", CatBa, 120, 80);
        var first = await server.WmsOkAsync(query);
        await server.ExecuteSqlAsync("UPDATE data.rivers SET citation = citation WHERE id = (SELECT min(id) FROM data.rivers)");
        var second = await server.WmsOkAsync(query);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task Time_current_is_part_of_the_etag_and_errors_are_not_cached()
    {
        var plain = await server.WmsOkAsync(Map111("communes", CatBa, 64, 64));
        var current = await server.WmsOkAsync(Map111("communes", CatBa, 64, 64, "&TIME=current"));
        Assert.NotEqual(plain.Headers.ETag, current.Headers.ETag);
        var error = await server.WmsAsync(Map111("nope", CatBa, 64, 64));
        Assert.Equal("no-store", error.Headers.CacheControl?.ToString());
        Assert.Null(error.Headers.ETag);
    }
}
