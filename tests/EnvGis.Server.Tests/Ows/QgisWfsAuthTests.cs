using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Ows;

/// <summary>
/// QGIS 3.22 (Debian's python3-qgis, headless) opens the WFS anonymously and then, in the same session and
/// network cache, with a Basic authentication configuration: the second layer must be editable. With
/// capabilities that Qt's cache could keep (Cache-Control: no-cache), QGIS reused the anonymous ones,
/// without Transaction, and showed the layer read-only (issue 9 §5).
/// </summary>
[Collection("server")]
public sealed class QgisWfsAuthTests(ServerFixture server)
{
    [Fact]
    public async Task QGIS_sees_the_layer_read_only_anonymously_and_editable_after_adding_credentials()
    {
        var profile = Directory.CreateTempSubdirectory("envgis-qgis-").FullName;
        try
        {
            var script = Path.Combine(RepositoryPaths.Root, "tests", "EnvGis.Server.Tests", "Ows", "TestData", "qgis_wfs_auth.py");
            var result = await ExternalTool.RunAsync("/usr/bin/python3",
                [script, server.BaseUrl.ToString().TrimEnd('/'), TestAccounts.AdminUser, ServerFixture.AdminPassword, "rivers", profile],
                new Dictionary<string, string> { ["QT_QPA_PLATFORM"] = "offscreen", ["HOME"] = profile, ["XDG_RUNTIME_DIR"] = profile },
                TimeSpan.FromMinutes(5));
            Assert.True(result.ExitCode == 0, result.Everything);
            var json = result.Output.Split('\n').Last(l => l.TrimStart().StartsWith('{'));
            using var answer = JsonDocument.Parse(json);
            var anonymous = answer.RootElement.GetProperty("anonymous");
            var signedIn = answer.RootElement.GetProperty("signed_in");
            Assert.True(anonymous.GetProperty("valid").GetBoolean(), json);
            Assert.False(anonymous.GetProperty("add").GetBoolean(), json);
            Assert.True(signedIn.GetProperty("valid").GetBoolean(), json);
            Assert.True(signedIn.GetProperty("add").GetBoolean(), "QGIS shows the layer read-only after adding credentials: " + json);
            Assert.True(signedIn.GetProperty("change").GetBoolean(), json);
            Assert.True(signedIn.GetProperty("delete").GetBoolean(), json);
            Assert.Equal(await server.ScalarAsync<long>("SELECT count(*) FROM data.rivers WHERE status = 'published' AND NOT restricted"),
                anonymous.GetProperty("features").GetInt64());
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
