using Dapper;
using Npgsql;

namespace EnvGis.Data.Accounts;

/// <summary>Units and the scopes the administrator grants them (Art. 9.2, 10).</summary>
public sealed class UnitStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<UnitSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<UnitSummary>(new CommandDefinition(UnitSummary.Select + " ORDER BY n.code", cancellationToken: ct))).AsList();
    }

    public async Task<UnitSummary?> FindAsync(string code, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UnitSummary>(new CommandDefinition(
            UnitSummary.Select + " WHERE n.code = @code", new { code }, cancellationToken: ct));
    }

    /// <summary>The commune codes among <paramref name="codes"/> that the communes layer does not have.</summary>
    public async Task<IReadOnlyList<string>> UnknownCommunesAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT x FROM unnest(@codes::text[]) AS x WHERE NOT EXISTS (SELECT 1 FROM data.communes AS c WHERE c.code = x) ORDER BY x",
            new { codes = codes.ToArray() }, cancellationToken: ct))).AsList();
    }

    /// <summary>Applies <paramref name="settings"/> (already validated) in one transaction with an audit entry.</summary>
    public async Task SetAsync(string code, UnitSettings settings, string by, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE envgis.units SET new_record_status = coalesce(@status, new_record_status),
                                    self_approve = coalesce(@selfApprove, self_approve)
            WHERE code = @code
            """, new { code, status = settings.NewRecordStatus, selfApprove = settings.SelfApprove }, transaction, cancellationToken: ct));
        if (settings.Area is { } area)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO envgis.unit_scopes (unit_code, whole_city, communes, updated_by) VALUES (@code, @whole, @communes, @by)
                ON CONFLICT (unit_code) DO UPDATE SET whole_city = excluded.whole_city, communes = excluded.communes,
                                                      updated_at = now(), updated_by = excluded.updated_by
                """, new { code, whole = area.WholeCity, communes = area.Communes.ToArray(), by }, transaction, cancellationToken: ct));
        }

        if (settings.Layers is { } layers)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM envgis.unit_layers WHERE unit_code = @code", new { code }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO envgis.unit_layers (unit_code, layer) SELECT @code, x FROM unnest(@layers::text[]) AS x",
                new { code, layers = layers.Distinct().ToArray() }, transaction, cancellationToken: ct));
        }

        await AuditLog.WriteAsync(connection, transaction, by, "unit.scope", code, new
        {
            layers = settings.Layers,
            wholeCity = settings.Area?.WholeCity,
            communes = settings.Area?.Communes,
            newRecordStatus = settings.NewRecordStatus,
            selfApprove = settings.SelfApprove,
        }, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Creates a unit with an audit entry; null when the code is taken.</summary>
    public async Task<UnitSummary?> CreateAsync(string code, UnitDetails details, string by, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO envgis.units (code, name_vi, name_en, kind, commune_code, self_approve)
            VALUES (@code, @nameVi, @nameEn, @kind, @commune, @selfApprove)
            ON CONFLICT (code) DO NOTHING
            """, new { code, details.NameVi, details.NameEn, details.Kind, commune = details.CommuneCode, details.SelfApprove },
            transaction, cancellationToken: ct));
        if (inserted == 0)
        {
            return null;
        }

        await AuditLog.WriteAsync(connection, transaction, by, "unit.create", code, details, ct);
        await transaction.CommitAsync(ct);
        return await FindAsync(code, ct);
    }

    /// <summary>Changes a unit's names, kind, commune and self-approval with an audit entry of before and after.</summary>
    public async Task<UnitSummary?> UpdateAsync(string code, UnitDetails details, string by, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<UnitSummary>(new CommandDefinition(
            UnitSummary.Select + " WHERE n.code = @code FOR UPDATE OF n", new { code }, transaction, cancellationToken: ct));
        if (before is null)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE envgis.units SET name_vi = @nameVi, name_en = @nameEn, kind = @kind, commune_code = @commune, self_approve = @selfApprove
            WHERE code = @code
            """, new { code, details.NameVi, details.NameEn, details.Kind, commune = details.CommuneCode, details.SelfApprove },
            transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, by, "unit.update", code, new
        {
            before = new UnitDetails(before.NameVi, before.NameEn, before.Kind, before.CommuneCode, before.SelfApprove),
            after = details,
        }, ct);
        await transaction.CommitAsync(ct);
        return await FindAsync(code, ct);
    }

    /// <summary>The roles held by the unit's accounts (to refuse a kind that does not allow them).</summary>
    public async Task<IReadOnlyList<string>> RolesInUseAsync(string code, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT role FROM envgis.users WHERE unit_code = @code ORDER BY role", new { code }, cancellationToken: ct))).AsList();
    }
}
