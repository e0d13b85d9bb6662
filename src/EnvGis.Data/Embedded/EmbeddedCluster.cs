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

    /// <summary>Creates (first time) and starts the cluster under <paramref name="dataDirectory"/>/postgres.</summary>
    public static async Task<EmbeddedCluster> StartAsync(string dataDirectory, ILogger logger, string? binDirectory = null)
    {
        var binaries = PostgresBinaries.Locate(binDirectory);
        var root = Path.Combine(Path.GetFullPath(dataDirectory), "postgres");
        var pgdata = Path.Combine(root, "cluster");
        var passwordFile = Path.Combine(root, "password");
        Directory.CreateDirectory(root);

        if (!File.Exists(Path.Combine(pgdata, "PG_VERSION")))
        {
            await InitializeAsync(binaries, root, pgdata, passwordFile, logger);
        }

        var password = (await File.ReadAllTextAsync(passwordFile)).Trim();
        var port = await RunningPortAsync(binaries, pgdata) ?? await StartServerAsync(binaries, root, pgdata, logger);
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

    private static async Task InitializeAsync(
        PostgresBinaries binaries, string root, string pgdata, string passwordFile, ILogger logger)
    {
        logger.LogInformation("Creating the embedded PostgreSQL cluster in {Directory}", pgdata);
        await File.WriteAllTextAsync(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        if (ProcessRunner.IsRoot)
        {
            await ProcessRunner.RunAsync("chown", ["-R", ProcessRunner.ServiceUser + ":", root], ToolTimeout, asServiceUser: false);
            var (canWrite, _) = await ProcessRunner.TryRunAsync("test", ["-w", root], ToolTimeout);
            if (canWrite != 0)
            {
                throw new EmbeddedClusterException(
                    $"Running as root, the embedded cluster runs as the '{ProcessRunner.ServiceUser}' user, which " +
                    $"cannot reach {root} (a parent folder is not traversable). Set ENVGIS_DATA_DIR to a folder it can reach, e.g. /var/tmp/envgis.");
            }
        }

        await ProcessRunner.RunAsync(binaries.InitDb,
        [
            "-D", pgdata, "-U", UserName, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
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

    private static async Task<int> StartServerAsync(PostgresBinaries binaries, string root, string pgdata, ILogger logger)
    {
        var port = FreePort();
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c jit=off";
        var (exit, output) = await ProcessRunner.TryRunAsync(binaries.PgCtl,
            ["start", "-D", pgdata, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60", "-o", options],
            ToolTimeout);
        if (exit != 0)
        {
            var log = Path.Combine(root, "postgres.log");
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
