using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.WfsTransaction;

namespace EnvGis.Server.Tests.Security;

/// <summary>
/// Every role × every write path × inside/outside the unit's scope × published/unpublished record:
/// the expected outcome of each cell is written out below, and every cell is checked against the
/// database (a refused write changes nothing and leaves no history; an allowed one leaves exactly one
/// entry). Reads are checked too: nobody but the administrator sees another unit's unpublished
/// records, and a unit sees its own unpublished records only within its scope.
/// </summary>
[Collection("server")]
public sealed class AuthorizationMatrixTests(ServerFixture server)
{
    private const string Layer = MatrixActors.Layer;

    // Who may update a record its unit owns: (inside scope, published) → allowed.
    private static bool MayUpdate(string actor, bool inside, bool published) => actor switch
    {
        MatrixActors.Administrator => true,
        MatrixActors.CommuneEditor or MatrixActors.Reporter or MatrixActors.ClientReadWrite => inside && !published,
        MatrixActors.CommuneApprover or MatrixActors.CityEditor => inside,
        _ => false, // read-only client, anonymous
    };

    private static bool MayInsert(string actor, bool inside) => actor switch
    {
        MatrixActors.Administrator => true,
        MatrixActors.ClientReadOnly or MatrixActors.Anonymous => false,
        _ => inside,
    };

    // Whether an actor reads a record of its own unit.
    private static bool SeesOwn(string actor, bool inside, bool published) =>
        published || actor == MatrixActors.Administrator || (actor != MatrixActors.Anonymous && inside);

    public static TheoryData<string> Paths => new(WritePaths.All.Keys);

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_role_writes_exactly_what_it_may_through(string path)
    {
        var write = WritePaths.All[path];
        var actors = await MatrixActors.CreateAsync(server);
        var failures = new List<string>();
        foreach (var actor in actors.All)
        {
            using var client = actors.Client(actor);
            foreach (var inside in new[] { true, false })
            {
                var at = inside ? actors.Inside(actor) : actors.Outside;
                foreach (var published in new[] { true, false })
                {
                    var cell = $"{path} {actor} {(inside ? "inside" : "outside")} {(published ? "published" : "unpublished")} update";
                    var id = await server.InsertIncidentAsync(actors.Unit(actor), published ? "published" : "draft", at, $"matrix {Guid.NewGuid():N}");
                    var history = await HistoryCountAsync(id);
                    var response = await write.UpdateAsync(server, client, Layer, id, 1, "changed");
                    var changed = await server.ScalarAsync<string>($"SELECT name FROM data.{Layer} WHERE id = $1", id) == "changed";
                    var expected = MayUpdate(actor, inside, published);
                    if (changed != expected)
                    {
                        failures.Add($"{cell}: expected {(expected ? "allowed" : "refused")}, {(changed ? "it changed" : "nothing changed")} ({response.Summary})");
                    }

                    if (await HistoryCountAsync(id) - history != (changed ? 1 : 0))
                    {
                        failures.Add($"{cell}: history entries do not match the change");
                    }

                    if (!expected && response.Succeeded)
                    {
                        failures.Add($"{cell}: refused without an error ({response.Summary})");
                    }
                }

                var name = $"matrix insert {Guid.NewGuid():N}";
                var insert = await write.InsertAsync(server, client, Layer, at, name);
                var inserted = await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer} WHERE name = $1", name);
                var mayInsert = MayInsert(actor, inside);
                if (inserted != (mayInsert ? 1 : 0))
                {
                    failures.Add($"{path} {actor} {(inside ? "inside" : "outside")} insert: expected {(mayInsert ? "1" : "0")} record, found {inserted} ({insert.Summary})");
                }
                else if (mayInsert && await server.ScalarAsync<long>(
                             $"SELECT count(*) FROM envgis.record_history h JOIN data.{Layer} r ON r.id = h.record_id AND h.layer = $1 WHERE r.name = $2",
                             Layer, name) != 1)
                {
                    failures.Add($"{path} {actor} insert: not exactly one history entry");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_role_reads_exactly_what_it_may_through(string path)
    {
        var read = WritePaths.All[path];
        var actors = await MatrixActors.CreateAsync(server);
        var failures = new List<string>();

        // Another unit's unpublished record, inside everyone's scope but the administrator's own.
        var foreignAt = await server.InsideAsync("HP050");
        var foreign = await server.InsertIncidentAsync("xa-hp050", "submitted", foreignAt, $"foreign {Guid.NewGuid():N}");
        foreach (var actor in actors.All)
        {
            using var client = actors.Client(actor);
            foreach (var inside in new[] { true, false })
            {
                foreach (var published in new[] { true, false })
                {
                    var id = await server.InsertIncidentAsync(actors.Unit(actor), published ? "published" : "draft",
                        inside ? actors.Inside(actor) : actors.Outside, $"matrix read {Guid.NewGuid():N}");
                    var seen = await read.ReadsAsync(server, client, Layer, id);
                    var expected = SeesOwn(actor, inside, published);
                    if (seen != expected)
                    {
                        failures.Add($"{path} {actor} {(inside ? "inside" : "outside")} {(published ? "published" : "unpublished")}: "
                                     + $"expected {(expected ? "visible" : "hidden")}, was {(seen ? "visible" : "hidden")}");
                    }
                }
            }

            var seesForeign = await read.ReadsAsync(server, client, Layer, foreign);
            if (seesForeign != (actor == MatrixActors.Administrator))
            {
                failures.Add($"{path} {actor}: another unit's unpublished record was {(seesForeign ? "visible" : "hidden")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private Task<long> HistoryCountAsync(long id) =>
        server.ScalarAsync<long>("SELECT count(*) FROM envgis.record_history WHERE layer = $1 AND record_id = $2", Layer, id);
}
