using System.Net;
using EnvGis.Data.Embedded;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Hosting;

/// <summary>
/// The run command's promise (README Quick start): the server with its embedded cluster starts from a
/// private (0700) folder as root, and as an ordinary user in a folder of its own, and serves the map.
/// Each run creates a cluster and loads the sample data, as a first run does.
/// </summary>
public sealed class RunAnywhereTests
{
    [Fact]
    public async Task As_root_in_a_private_folder_the_cluster_is_kept_where_postgres_can_reach_it_and_the_map_works()
    {
        Assert.True(Environment.UserName == "root", "this test checks the root case; CI runs the tests as root");
        var folder = Directory.CreateTempSubdirectory("envgis-private-").FullName;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var data = Path.Combine(folder, "envgis", "data");
        var relocated = ClusterLocation.RelocatedRoot(data);
        try
        {
            var output = await RunAndCheckTheMapAsync(new() { ["ENVGIS_DATA_DIR"] = data, ["ENVGIS_ADMIN_PASSWORD"] = ServerFixture.AdminPassword },
                RepositoryServerFolder(), ServerProcess.ServerFolder, user: null);
            Assert.Contains($"the embedded cluster lives in {relocated}", output);
            Assert.True(File.Exists(Path.Combine(relocated, "cluster", "PG_VERSION")));
            Assert.Contains(relocated, await File.ReadAllTextAsync(Path.Combine(data, "postgres", "WHERE-IS-THE-CLUSTER.txt")));

            // A second run finds the same cluster: nothing is created again.
            var second = await RunAndCheckTheMapAsync(new() { ["ENVGIS_DATA_DIR"] = data }, RepositoryServerFolder(), ServerProcess.ServerFolder, user: null);
            Assert.Contains($"the embedded cluster lives in {relocated}", second);
            Assert.DoesNotContain("Creating the embedded PostgreSQL cluster", second);
            Assert.DoesNotContain("Loaded sample data", second);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            if (Directory.Exists(relocated))
            {
                Directory.Delete(relocated, recursive: true);
            }
        }
    }

    [Fact]
    public async Task As_an_ordinary_user_in_a_private_folder_the_cluster_lives_in_the_data_folder_and_the_map_works()
    {
        await using var user = await ThrowawayUser.CreateAsync();
        var top = Directory.CreateTempSubdirectory("envgis-user-").FullName;
        File.SetUnixFileMode(top, (UnixFileMode)Convert.ToInt32("755", 8));
        try
        {
            // The build is shared read-only (hard links, or a copy across file systems); the user's folder is private.
            var app = Path.Combine(top, "app");
            await CopyAsync(ServerProcess.ServerFolder, app);
            await CopyAsync(Path.Combine(RepositoryServerFolder(), "wwwroot"), Path.Combine(app, "wwwroot"));
            var home = Path.Combine(top, "home");
            await user.OwnPrivateFolderAsync(home);
            var data = Path.Combine(home, "envgis", "data");

            var output = await RunAndCheckTheMapAsync(
                new() { ["ENVGIS_DATA_DIR"] = data, ["HOME"] = home, ["ENVGIS_ADMIN_PASSWORD"] = ServerFixture.AdminPassword }, app, app, user.Name);
            Assert.DoesNotContain("the embedded cluster lives in", output);
            Assert.True(File.Exists(Path.Combine(data, "postgres", "cluster", "PG_VERSION")));
            var owner = await ExternalTool.RunAsync("stat", ["-c", "%U", Path.Combine(data, "postgres", "cluster")]);
            Assert.Equal(user.Name, owner.Output.Trim());
        }
        finally
        {
            Directory.Delete(top, recursive: true);
        }
    }

    /// <summary>Runs the server until the map answers, checks it, stops it, and returns what it printed.</summary>
    private static async Task<string> RunAndCheckTheMapAsync(Dictionary<string, string> environment, string workingDirectory,
        string serverFolder, string? user)
    {
        string output;
        await using (var process = ServerProcess.Start(environment, workingDirectory, user, serverFolder))
        {
            await process.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
            using var http = new HttpClient { BaseAddress = process.BaseUrl };
            var ready = await http.GetAsync("/health/ready");
            Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
            var page = await http.GetStringAsync("/");
            // The portal's entry bundle (a content-hashed name, docs/portal.md) is named and served.
            var bundle = System.Text.RegularExpressions.Regex.Match(page, "<script[^>]*src=\"(?<src>main-[A-Z0-9]{8}\\.js)\"");
            Assert.True(bundle.Success, page);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(bundle.Groups["src"].Value)).StatusCode);
            var tileJson = await http.GetStringAsync("/tiles/communes.json");
            Assert.Contains("\"tiles\"", tileJson);
            var tile = await http.GetAsync("/tiles/communes/10/816/451.mvt");
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
            Assert.True((await tile.Content.ReadAsByteArrayAsync()).Length > 100);
            Assert.Equal(0, await process.StopAsync());
            output = process.Output;
        }

        Assert.Contains("Embedded PostgreSQL stopped", output);
        Assert.DoesNotContain("   at ", output);
        return output;
    }

    private static string RepositoryServerFolder() => Path.Combine(RepositoryPaths.Root, "src", "EnvGis.Server");

    private static async Task CopyAsync(string from, string to)
    {
        var linked = await ExternalTool.RunAsync("cp", ["-al", from, to]);
        if (linked.ExitCode != 0)
        {
            var copied = await ExternalTool.RunAsync("cp", ["-r", from, to]);
            Assert.True(copied.ExitCode == 0, "cp: " + copied.Everything);
        }
    }
}
