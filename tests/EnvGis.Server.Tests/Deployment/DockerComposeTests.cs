using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Deployment;

/// <summary>No Docker engine runs here, but the compose file must stay valid and wired to PostGIS.</summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task The_compose_file_is_valid_and_gives_EnvGis_a_connection_string()
    {
        var environment = new Dictionary<string, string> { ["ENVGIS_DB_PASSWORD"] = "compose-test" };
        var (program, prefix) = await ComposeCommandAsync();
        var quiet = await ExternalTool.RunAsync(program, [.. prefix, "-f", "docker-compose.yml", "config", "-q"],
            environment, workingDirectory: RepositoryPaths.Root);
        Assert.True(quiet.ExitCode == 0, quiet.Everything);

        var resolved = await ExternalTool.RunAsync(program, [.. prefix, "-f", "docker-compose.yml", "config"],
            environment, workingDirectory: RepositoryPaths.Root);
        Assert.True(resolved.ExitCode == 0, resolved.Everything);
        Assert.Contains("postgis/postgis", resolved.Output);
        Assert.Contains("Host=postgis;Database=envgis;Username=envgis;Password=compose-test", resolved.Output);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "Dockerfile")));
    }

    /// <summary>The Compose v2 plugin when the docker client has it, else Debian's docker-compose.</summary>
    private static async Task<(string Program, string[] Prefix)> ComposeCommandAsync()
    {
        if (ExternalTool.Exists("docker") && (await ExternalTool.RunAsync("docker", ["compose", "version"])).ExitCode == 0)
        {
            return ("docker", ["compose"]);
        }

        Assert.True(ExternalTool.Exists("docker-compose"), "Neither 'docker compose' nor 'docker-compose' is installed (scripts/test.sh installs docker-compose).");
        return ("docker-compose", []);
    }
}
