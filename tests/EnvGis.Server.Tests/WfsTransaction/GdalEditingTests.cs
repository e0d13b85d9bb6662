using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Ows;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.WfsTransaction;

/// <summary>
/// GDAL's WFS driver as a real editing client with HTTP Basic: ogr2ogr -append inserts (as GDAL
/// sends them for WFS 2.0.0, 1.1.0 and 1.0.0), the inserts land in the history, and once published
/// they are in WFS and the tiles for everyone; ogrinfo -sql DELETE archives.
/// </summary>
[Collection("server")]
public sealed class GdalEditingTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";

    [Fact]
    public async Task Ogr2ogr_appends_through_WFS_T_and_published_records_show_in_WFS_and_tiles()
    {
        await server.SetScopeAsync("xa-hp030", [Layer]);
        var editor = await server.CreateUserAsync("xa-hp030", "editor");
        var chairman = await server.CreateUserAsync("xa-hp030", "approver");
        var (lon, lat) = await server.InsideAsync("HP030");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var folder = Directory.CreateTempSubdirectory("envgis-gdal-");
        try
        {
            var names = new Dictionary<string, string>();
            foreach (var version in new[] { "2.0.0", "1.1.0", "1.0.0" })
            {
                var name = $"GDAL {version} {tag}";
                names[version] = name;
                var file = Path.Combine(folder.FullName, $"in-{version}.geojson");
                await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
                {
                    type = "FeatureCollection",
                    features = new[]
                    {
                        new
                        {
                            type = "Feature",
                            geometry = new { type = "Point", coordinates = new[] { lon, lat } },
                            properties = new { name, incident_type = "wastewater_discharge", occurred_on = "2025-09-09", severity = "medium" },
                        },
                    },
                }));
                var url = version == "2.0.0" ? Wfs : $"{Wfs}?VERSION={version}";
                await WfsTestSupport.RunAsync("ogr2ogr", ["-append", "-f", "WFS", url, file, "-nln", "envgis:" + Layer, .. Credentials(editor)]);
            }

            foreach (var (version, name) in names)
            {
                var record = await server.ScalarAsync<string>(
                    $"SELECT owner_unit || '|' || status || '|' || commune_code || '|' || round(ST_X(geom)::numeric, 6) || '|' || round(ST_Y(geom)::numeric, 6) FROM data.{Layer} WHERE name = $1",
                    name);
                Assert.Equal($"xa-hp030|draft|HP030|{Math.Round(lon, 6):0.000000}|{Math.Round(lat, 6):0.000000}", record);
                Assert.Equal($"insert:wfs-t:{editor.Name}:xa-hp030", await server.ScalarAsync<string>(
                    $"""
                    SELECT h.action || ':' || h.channel || ':' || h.user_name || ':' || h.unit_code FROM envgis.record_history h
                    JOIN data.{Layer} r ON r.id = h.record_id WHERE h.layer = $1 AND r.name = $2
                    """, Layer, name));
            }

            // Drafts are nobody's business but the commune's.
            var where = $"name = '{names["2.0.0"]}'";
            Assert.DoesNotContain(names["2.0.0"], await WfsTestSupport.RunAsync("ogrinfo", ["-ro", "-al", "-q", Wfs, "envgis:" + Layer, "-where", where]));

            // The commune publishes it: submit, the chairman approves and publishes.
            var id = await server.ScalarAsync<long>($"SELECT id FROM data.{Layer} WHERE name = $1", names["2.0.0"]);
            using (var edit = editor.Client(server))
            using (var approve = chairman.Client(server))
            {
                Assert.Equal(HttpStatusCode.OK, (await edit.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/submit", new { version = 1 })).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await approve.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/approve", new { version = 2 })).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await approve.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/publish", new { version = 3 })).StatusCode);
            }

            var published = await WfsTestSupport.RunAsync("ogrinfo", ["-ro", "-al", "-q", Wfs, "envgis:" + Layer, "-where", where]);
            Assert.Contains(names["2.0.0"], published);
            Assert.Contains("wastewater_discharge", published);
            Assert.Contains(id, await TestTiles.IdsAsync(server.Client, Layer, 15, lon, lat));

            // ogrinfo -sql DELETE: the editor archives its draft.
            var draft = names["1.0.0"];
            await WfsTestSupport.RunAsync("ogrinfo", ["-update", Wfs, "-sql", $"DELETE FROM {Layer} WHERE name = '{draft}'", .. Credentials(editor)]);
            Assert.Equal("archived", await server.ScalarAsync<string>($"SELECT status FROM data.{Layer} WHERE name = $1", draft));
            Assert.Equal("delete:wfs-t", await server.ScalarAsync<string>(
                $"SELECT h.action || ':' || h.channel FROM envgis.record_history h JOIN data.{Layer} r ON r.id = h.record_id AND h.layer = $1 WHERE r.name = $2 ORDER BY h.id DESC LIMIT 1",
                Layer, draft));

            // A wrong password: GDAL fails, nothing is written.
            var wrong = await WfsTestSupport.RunAsync("ogr2ogr", ["-append", "-f", "WFS", Wfs, Path.Combine(folder.FullName, "in-1.1.0.geojson"),
                "-nln", "envgis:" + Layer, "--config", "GDAL_HTTP_AUTH", "BASIC", "--config", "GDAL_HTTP_USERPWD", $"{editor.Name}:wrong-password"], allowFailure: true);
            Assert.Contains("401", wrong);
            Assert.Equal(1, await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer} WHERE name = $1", names["1.1.0"]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private string Wfs => $"WFS:{server.BaseUrl}wfs";

    private static string[] Credentials(TestUser user) =>
        ["--config", "GDAL_HTTP_AUTH", "BASIC", "--config", "GDAL_HTTP_USERPWD", $"{user.Name}:{user.Password}"];
}
