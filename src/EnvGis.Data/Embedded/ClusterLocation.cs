using System.Security.Cryptography;
using System.Text;

namespace EnvGis.Data.Embedded;

/// <summary>
/// Where the embedded cluster of a data folder lives. Normally in <c>&lt;data&gt;/postgres</c>. When this
/// process is root the cluster runs as the unprivileged 'postgres' user, which cannot enter a data folder
/// inside a private (0700) parent such as <c>/root</c> or a <c>mktemp -d</c> folder; the cluster then lives
/// in <see cref="SharedRoot"/>, in a folder named after the data folder's full path, so every run with the
/// same data folder finds the same cluster (see docs/hardening.md).
/// </summary>
public sealed record ClusterLocation(string Root, bool Relocated)
{
    /// <summary>Where clusters of unreachable data folders live when running as root.</summary>
    public const string SharedRoot = "/var/lib/envgis/clusters";

    public string DataDirectory => Path.Combine(Root, "cluster");

    public string PasswordFile => Path.Combine(Root, "password");

    public string LogFile => Path.Combine(Root, "postgres.log");

    /// <summary>The folder used when <paramref name="dataDirectory"/> is out of the 'postgres' user's reach.</summary>
    public static string RelocatedRoot(string dataDirectory)
    {
        var full = Path.GetFullPath(dataDirectory).TrimEnd('/');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16];
        var name = new string(Path.GetFileName(Path.GetDirectoryName(full) ?? "").Where(char.IsAsciiLetterOrDigit).Take(24).ToArray());
        return Path.Combine(SharedRoot, (name.Length > 0 ? name + "-" : "") + hash);
    }

    /// <summary>
    /// Chooses the cluster's folder for <paramref name="dataDirectory"/> and prepares it: created, and
    /// (when root) owned by and reachable for the service user.
    /// </summary>
    internal static async Task<ClusterLocation> PrepareAsync(string dataDirectory, TimeSpan timeout)
    {
        var local = Path.Combine(Path.GetFullPath(dataDirectory), "postgres");
        CreateFolder(local, dataDirectory);
        if (!ProcessRunner.IsRoot)
        {
            return await ServiceUserCanUseAsync(local, timeout)
                ? new ClusterLocation(local, false)
                : throw new EmbeddedClusterException($"The folder {local} is not writable by this user; set ENVGIS_DATA_DIR to a writable folder.");
        }

        var shared = RelocatedRoot(dataDirectory);
        if (File.Exists(Path.Combine(shared, "cluster", "PG_VERSION")))
        {
            return new ClusterLocation(shared, true);
        }

        if (!File.Exists(Path.Combine(local, "cluster", "PG_VERSION")))
        {
            await ProcessRunner.RunAsync("chown", [ProcessRunner.ServiceUser + ":", local], timeout, asServiceUser: false);
        }

        if (await ServiceUserCanUseAsync(local, timeout))
        {
            return new ClusterLocation(local, false);
        }

        if (File.Exists(Path.Combine(local, "cluster", "PG_VERSION")))
        {
            throw new EmbeddedClusterException(
                $"The embedded cluster in {local} is no longer reachable by the '{ProcessRunner.ServiceUser}' user (a parent folder became private); make its parents traversable (chmod o+x) or move the data folder.");
        }

        CreateFolder(SharedRoot, SharedRoot);
        CreateFolder(shared, shared);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await ProcessRunner.RunAsync("chown", [ProcessRunner.ServiceUser + ":", shared], timeout, asServiceUser: false);
        if (!await ServiceUserCanUseAsync(shared, timeout))
        {
            throw new EmbeddedClusterException(
                $"Neither {local} nor {shared} can be used by the '{ProcessRunner.ServiceUser}' user that runs the embedded cluster; set ENVGIS_DATA_DIR to a folder it can reach.");
        }

        await File.WriteAllTextAsync(Path.Combine(local, "WHERE-IS-THE-CLUSTER.txt"),
            $"This data folder is inside a folder the '{ProcessRunner.ServiceUser}' user cannot enter, so its embedded PostgreSQL cluster lives in\n{shared}\n");
        return new ClusterLocation(shared, true);
    }

    private static void CreateFolder(string folder, string shownAs)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new EmbeddedClusterException($"The folder {shownAs} cannot be created or written ({e.Message}); set ENVGIS_DATA_DIR to a writable folder.");
        }
    }

    private static async Task<bool> ServiceUserCanUseAsync(string folder, TimeSpan timeout)
    {
        var (exit, _) = await ProcessRunner.TryRunAsync("test", ["-w", folder, "-a", "-x", folder], timeout);
        return exit == 0;
    }
}
