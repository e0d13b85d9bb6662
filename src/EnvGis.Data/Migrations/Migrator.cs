using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnvGis.Data.Migrations;

/// <summary>
/// Applies the embedded SQL migrations (Migrations/NNNN_name.sql) in order, each once, each in its own
/// transaction, and records them in envgis_migrations with a checksum so an edited migration is noticed.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
{
    private const string Prefix = "EnvGis.Data.Migrations.";

    public static IReadOnlyList<(string Version, string Sql)> LoadMigrations()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[Prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, null, """
            CREATE TABLE IF NOT EXISTS public.envgis_migrations (
                version    text PRIMARY KEY,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        // One migrator at a time, even if two servers start on the same database.
        await Execute(connection, null, "SELECT pg_advisory_lock(727001)", cancellationToken);
        try
        {
            var applied = await AppliedAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var (version, sql) in LoadMigrations())
            {
                var checksum = Checksum(sql);
                if (applied.TryGetValue(version, out var recorded))
                {
                    if (recorded != checksum)
                    {
                        logger.LogWarning("Migration {Version} was changed after it was applied; it is not applied again", version);
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, transaction, sql, cancellationToken);
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO public.envgis_migrations (version, checksum) VALUES ($1, $2)", connection, transaction))
                {
                    record.Parameters.AddWithValue(version);
                    record.Parameters.AddWithValue(checksum);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version}", version);
                done.Add(version);
            }

            if (done.Count > 0)
            {
                // New tables and types (e.g. PostGIS's geometry) must be visible to pooled connections.
                await connection.ReloadTypesAsync(cancellationToken);
            }

            return done;
        }
        finally
        {
            await Execute(connection, null, "SELECT pg_advisory_unlock(727001)", CancellationToken.None);
        }
    }

    private static async Task<Dictionary<string, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM public.envgis_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Checksum(string sql) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
