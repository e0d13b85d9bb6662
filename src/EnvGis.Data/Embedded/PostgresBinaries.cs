namespace EnvGis.Data.Embedded;

/// <summary>Finds the machine's PostgreSQL server binaries and checks that PostGIS is installed for them.</summary>
public sealed record PostgresBinaries(string BinDirectory, int MajorVersion)
{
    public const string InstallHint =
        "Install the Debian packages: sudo apt-get install postgresql-15 postgresql-15-postgis-3 " +
        "(or set ENVGIS_DB / ConnectionStrings__EnvGis to use an existing PostgreSQL with PostGIS).";

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>The newest /usr/lib/postgresql/N/bin that has initdb, pg_ctl and a PostGIS extension.</summary>
    public static PostgresBinaries Locate(string? overrideBinDirectory = null)
    {
        if (!string.IsNullOrEmpty(overrideBinDirectory))
        {
            return Check(overrideBinDirectory, 0);
        }

        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: d, Ok: int.TryParse(Path.GetFileName(d), out var v), Version: v))
                .Where(c => c.Ok)
                .OrderByDescending(c => c.Version)
                .ToList()
            : [];
        foreach (var c in candidates)
        {
            var bin = Path.Combine(c.Dir, "bin");
            if (File.Exists(Path.Combine(bin, "initdb")) && HasPostGis(c.Version))
            {
                return new PostgresBinaries(bin, c.Version);
            }
        }

        var found = candidates.Count == 0
            ? "No PostgreSQL server binaries were found under /usr/lib/postgresql."
            : $"PostgreSQL {string.Join(", ", candidates.Select(c => c.Version))} is installed, but without PostGIS.";
        throw new EmbeddedClusterException($"{found} {InstallHint}");
    }

    private static PostgresBinaries Check(string bin, int version)
    {
        if (!File.Exists(Path.Combine(bin, "initdb")) || !File.Exists(Path.Combine(bin, "pg_ctl")))
        {
            throw new EmbeddedClusterException($"'{bin}' has no initdb/pg_ctl. {InstallHint}");
        }

        return new PostgresBinaries(bin, version);
    }

    private static bool HasPostGis(int version) =>
        File.Exists($"/usr/share/postgresql/{version}/extension/postgis.control");
}
