using Dapper;
using EnvGis.Core.Security;
using Npgsql;

namespace EnvGis.Data.Accounts;

/// <summary>
/// Creates the Department's administrator (<c>admin</c>) on the first start: with the configured
/// password, or a generated one that the caller prints once. Nothing happens when it exists; there
/// is no default password. Without sample data the Department's unit is created too.
/// </summary>
public static class AdministratorBootstrap
{
    public const string UserName = "admin";
    public const string DepartmentUnit = "so-nnmt";

    /// <summary>Creates the administrator if missing; returns the generated password when one was made up, else null.</summary>
    public static async Task<(bool Created, string? GeneratedPassword)> EnsureAsync(
        NpgsqlDataSource dataSource, string? configuredPassword, CancellationToken ct = default)
    {
        if (configuredPassword is not null && Passwords.Problem(configuredPassword, UserName) is { } problem)
        {
            throw new InvalidOperationException($"ENVGIS_ADMIN_PASSWORD is not acceptable: {problem}");
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("LOCK TABLE envgis.users IN EXCLUSIVE MODE", transaction: transaction, cancellationToken: ct));
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM envgis.users WHERE role = 'administrator')", transaction: transaction, cancellationToken: ct)))
        {
            return (false, null);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO envgis.units (code, name_vi, name_en, kind, self_approve)
            VALUES (@unit, 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment', 'department', true)
            ON CONFLICT (code) DO NOTHING
            """, new { unit = DepartmentUnit }, transaction, cancellationToken: ct));
        var password = configuredPassword ?? Passwords.Generate();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO envgis.users (user_name, unit_code, role, password_hash, created_by)
            VALUES (@name, @unit, @role, @hash, 'system')
            """, new { name = UserName, unit = DepartmentUnit, role = Role.Administrator.Name(), hash = Passwords.Hash(password) },
            transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, "system", "user.create", UserName,
            new { role = "administrator", passwordFrom = configuredPassword is null ? "generated" : "ENVGIS_ADMIN_PASSWORD" }, ct);
        await transaction.CommitAsync(ct);
        return (true, configuredPassword is null ? password : null);
    }
}
