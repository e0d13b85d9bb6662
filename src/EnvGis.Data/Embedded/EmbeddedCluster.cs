using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnvGis.Data.Embedded;

/// <summary>
/// A private PostgreSQL+PostGIS cluster in a data folder, made from the machine's PostgreSQL binaries:
/// created on first use, reused afterwards, listening on 127.0.0.1 only (a free port picked at each
/// start), password-protected, and stopped by <see cref="StopAsync"/>.
/// </summary>
public sealed class EmbeddedCluster
{
    public const string DatabaseName = "envgis";
    public const string UserName = "envgis";

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);
    private readonly PostgresBinaries binaries;
    private readonly string clusterDirectory;
    private readonly ILogger logger;
    private bool stopped;

    private EmbeddedCluster(PostgresBinaries binaries, string clusterDirectory, string connectionString, ILogger logger)
    {
        this.binaries = binaries;
        this.clusterDirectory = clusterDirectory;
        ConnectionString = connectionString;
        this.logger = logger;
    }

    public string ConnectionString { get; }

    /// <summary>The folder of the cluster's files (see <see cref="ClusterLocation"/>).</summary>
    public string ClusterDirectory => clusterDirectory;

    /// <summary>
    /// Creates (first time) and starts the cluster of <paramref name="dataDirectory"/>: in its
    /// <c>postgres</c> folder, or where <see cref="ClusterLocation"/> puts it when that is out of reach.
    /// </summary>
    public static async Task<EmbeddedCluster> StartAsync(string dataDirectory, ILogger logger, string? binDirectory = null)
    {
        var binaries = PostgresBinaries.Locate(binDirectory);
        var location = await ClusterLocation.PrepareAsync(dataDirectory, ToolTimeout);
        if (location.Relocated)
        {
            logger.LogWarning(
                "The data folder {DataDirectory} is inside a folder the '{User}' user cannot enter, so the embedded cluster lives in {ClusterRoot} (the same folder on every run with this data folder)",
                Path.GetFullPath(dataDirectory), ProcessRunner.ServiceUser, location.Root);
        }

        var pgdata = location.DataDirectory;
        if (!File.Exists(Path.Combine(pgdata, "PG_VERSION")))
        {
            await InitializeAsync(binaries, location, logger);
        }

        var password = (await File.ReadAllTextAsync(location.PasswordFile)).Trim();
        var port = await RunningPortAsync(binaries, pgdata) ?? await StartServerAsync(binaries, location, logger);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = UserName,
            Password = password,
            Database = DatabaseName,
        }.ConnectionString;
        await EnsureDatabaseAsync(connectionString);
        logger.LogInformation("Embedded PostgreSQL {Version} running on 127.0.0.1:{Port} with data in {Directory}",
            binaries.MajorVersion, port, pgdata);
        return new EmbeddedCluster(binaries, pgdata, connectionString, logger);
    }

    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        var (exit, output) = await ProcessRunner.TryRunAsync(
            binaries.PgCtl, ["stop", "-D", clusterDirectory, "-m", "fast", "-w", "-t", "60"], ToolTimeout);
        if (exit == 0)
        {
            logger.LogInformation("Embedded PostgreSQL stopped");
        }
        else
        {
            logger.LogWarning("Stopping the embedded PostgreSQL failed: {Output}", output.Trim());
        }
    }

    private static async Task InitializeAsync(PostgresBinaries binaries, ClusterLocation location, ILogger logger)
    {
        logger.LogInformation("Creating the embedded PostgreSQL cluster in {Directory}", location.DataDirectory);
        await File.WriteAllTextAsync(location.PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(location.PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (ProcessRunner.IsRoot)
        {
            await ProcessRunner.RunAsync("chown", [ProcessRunner.ServiceUser + ":", location.PasswordFile], ToolTimeout, asServiceUser: false);
        }

        await ProcessRunner.RunAsync(binaries.InitDb,
        [
            "-D", location.DataDirectory, "-U", UserName, "--auth=scram-sha-256", $"--pwfile={location.PasswordFile}",
            "-E", "UTF8", "--locale=C.UTF-8",
        ], ToolTimeout);
    }

    /// <summary>The port of a server already running on this cluster (e.g. left by a killed process).</summary>
    private static async Task<int?> RunningPortAsync(PostgresBinaries binaries, string pgdata)
    {
        var pidFile = Path.Combine(pgdata, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var (exit, _) = await ProcessRunner.TryRunAsync(binaries.PgCtl, ["status", "-D", pgdata], ToolTimeout);
        var lines = exit == 0 ? await File.ReadAllLinesAsync(pidFile) : [];
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    /// <summary>Room for one server's full connection pool and everything else that connects.</summary>
    public const int MaxConnections = 150;

    private static async Task<int> StartServerAsync(PostgresBinaries binaries, ClusterLocation location, ILogger logger)
    {
        var pgdata = location.DataDirectory;
        var port = FreePort();
        // max_connections above PostgreSQL's 100: the server's pool alone may open Npgsql's default 100,
        // and the change feed's listener, tools and psql need their own (docs/scale-out.md "Connections").
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c jit=off -c max_connections={MaxConnections}";
        var (exit, output) = await ProcessRunner.TryRunAsync(binaries.PgCtl,
            ["start", "-D", pgdata, "-l", location.LogFile, "-w", "-t", "60", "-o", options],
            ToolTimeout);
        if (exit != 0)
        {
            var log = location.LogFile;
            var tail = File.Exists(log) ? string.Join('\n', (await File.ReadAllLinesAsync(log)).TakeLast(5)) : "";
            throw new EmbeddedClusterException($"The embedded PostgreSQL did not start: {output.Trim()} {tail}");
        }

        logger.LogDebug("pg_ctl: {Output}", output.Trim());
        return port;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task EnsureDatabaseAsync(string connectionString)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(DatabaseName);
        if (await exists.ExecuteScalarAsync() is null)
        {
            // The name is a constant of this class, not user input.
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName} ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync();
        }
    }
}
