using System.Text.Json;
using Dapper;
using Npgsql;

namespace EnvGis.Data.Accounts;

/// <summary>The administrator's audit log: written in the same transaction as the change it describes.</summary>
public static class AuditLog
{
    public static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string actor, string action, string target,
        object details, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO envgis.audit_log (actor, action, target, details) VALUES (@actor, @action, @target, @details::jsonb)",
            new { actor, action, target, details = JsonSerializer.Serialize(details) }, transaction, cancellationToken: ct));
}
