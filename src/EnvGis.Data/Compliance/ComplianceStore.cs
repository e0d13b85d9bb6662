using Dapper;
using EnvGis.Core.Compliance;
using Npgsql;

namespace EnvGis.Data.Compliance;

/// <summary>
/// Monthly update compliance from the record history (docs/operations.md "Monthly update compliance"). A unit's change counts when
/// it was made (insert, update, delete, restore), except a commune's inserts, updates and restores,
/// which count when the chairman approves them (Art. 7.2a): the first approval of that record after
/// the edit. A change belongs to the month it was made in, so an edit of the 25th approved on the 31st
/// makes that month late.
/// </summary>
public sealed class ComplianceStore(NpgsqlDataSource dataSource)
{
    private const string UnitColumns =
        "n.code AS Code, n.name_vi AS NameVi, n.name_en AS NameEn, n.kind AS Kind, n.commune_code AS CommuneCode, n.created_at AS CreatedAt";

    /// <summary>The units obliged in <paramref name="month"/>: an obliged kind, a granted layer, created before the month ended.</summary>
    public async Task<IReadOnlyList<ObligedUnit>> ObligedAsync(ComplianceMonth month, string? unit, string? kind, string? commune, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ObligedUnit>(new CommandDefinition(
            $"""
            SELECT {UnitColumns}
            FROM envgis.units AS n
            WHERE n.kind = ANY (@kinds) AND EXISTS (SELECT 1 FROM envgis.unit_layers AS l WHERE l.unit_code = n.code)
              AND n.created_at < @end
              AND (@unit::text IS NULL OR n.code = @unit) AND (@kind::text IS NULL OR n.kind = @kind)
              AND (@commune::text IS NULL OR n.commune_code = @commune)
            ORDER BY n.code
            """,
            new { kinds = ObligedUnits.KindNames.ToArray(), end = month.End, unit, kind, commune }, cancellationToken: ct))).AsList();
    }

    /// <summary>The unit if it owes monthly updates at all (an obliged kind with a granted layer), else null.</summary>
    public async Task<ObligedUnit?> FindObligedAsync(string code, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ObligedUnit>(new CommandDefinition(
            $"""
            SELECT {UnitColumns} FROM envgis.units AS n
            WHERE n.code = @code AND n.kind = ANY (@kinds) AND EXISTS (SELECT 1 FROM envgis.unit_layers AS l WHERE l.unit_code = n.code)
            """, new { code, kinds = ObligedUnits.KindNames.ToArray() }, cancellationToken: ct));
    }

    /// <summary>One row per obliged unit (filters optional), late ones first.</summary>
    public async Task<IReadOnlyList<ComplianceRow>> MonthAsync(ComplianceMonth month, DateTimeOffset now, string? unit, string? kind, string? commune,
        CancellationToken ct)
    {
        var units = await ObligedAsync(month, unit, kind, commune, ct);
        if (units.Count == 0)
        {
            return [];
        }

        var codes = units.Select(u => u.Code).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var changes = (await connection.QueryAsync<ChangeRow>(new CommandDefinition(ChangesSql,
            new { units = codes, start = month.Start, end = month.End }, cancellationToken: ct))).AsList();
        var declared = (await connection.QueryAsync<(string Unit, string Comment, string DeclaredBy, DateTime DeclaredAt)>(new CommandDefinition(
            "SELECT unit_code, comment, declared_by, declared_at FROM envgis.update_declarations WHERE unit_code = ANY (@units) AND month = @month",
            new { units = codes, month = month.First.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct)))
            .ToDictionary(d => d.Unit, d => new UpdateDeclaration(month.Key, d.Comment, d.DeclaredBy, d.DeclaredAt), StringComparer.Ordinal);

        var byUnit = changes.ToLookup(c => c.Unit, StringComparer.Ordinal);
        var deadline = month.Deadline;
        var rows = new List<ComplianceRow>();
        foreach (var u in units)
        {
            var own = byUnit[u.Code].ToList();
            var counted = own.Where(c => c.Counted > 0).ToList();
            DateTimeOffset? first = counted.Count == 0 ? null : new DateTimeOffset(counted.Min(c => c.FirstAt!.Value), TimeSpan.Zero);
            DateTime? last = counted.Count == 0 ? null : counted.Max(c => c.LastAt!.Value);
            var declaration = declared.GetValueOrDefault(u.Code);
            DateTimeOffset? declaredAt = declaration is null ? null : new DateTimeOffset(declaration.DeclaredAt, TimeSpan.Zero);
            var status = ComplianceStatus.Decide(first, declaredAt, deadline);
            rows.Add(new ComplianceRow(u.Code, u.NameVi, u.NameEn, u.Kind, u.CommuneCode, month.Key, status,
                last ?? declaration?.DeclaredAt, deadline.UtcDateTime, status == ComplianceStatus.Missing && now >= deadline,
                counted.Select(c => new LayerChanges(c.Layer, c.Counted)).OrderBy(c => c.Layer, StringComparer.Ordinal).ToList(),
                own.Sum(c => c.Pending), declaration));
        }

        return rows.OrderBy(r => ComplianceStatus.Rank(r.Status)).ThenBy(r => r.Overdue ? 0 : 1).ThenBy(r => r.Unit, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Records "no change this month" for <paramref name="unit"/>, unless it already declared or already
    /// changed records in that month (counted or waiting for approval): checked and written in one
    /// transaction under a per-unit lock.
    /// </summary>
    public async Task<(DeclarationOutcome Outcome, UpdateDeclaration? Declaration)> DeclareAsync(string unit, ComplianceMonth month, string comment,
        string by, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('envgis.declaration:' || @unit))",
            new { unit }, transaction, cancellationToken: ct));
        var edited = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM envgis.record_history AS h
                           WHERE h.unit_code = @unit AND h.at >= @start AND h.at < @end AND h.action IN ('insert', 'update', 'delete', 'restore'))
            """, new { unit, start = month.Start, end = month.End }, transaction, cancellationToken: ct));
        if (edited)
        {
            return (DeclarationOutcome.AlreadyUpdated, null);
        }

        var row = await connection.QuerySingleOrDefaultAsync<(string Comment, string DeclaredBy, DateTime DeclaredAt)?>(new CommandDefinition(
            """
            INSERT INTO envgis.update_declarations (unit_code, month, comment, declared_by) VALUES (@unit, @month, @comment, @by)
            ON CONFLICT (unit_code, month) DO NOTHING
            RETURNING comment, declared_by, declared_at
            """, new { unit, month = month.First.ToDateTime(TimeOnly.MinValue), comment, by }, transaction, cancellationToken: ct));
        if (row is not { } inserted)
        {
            return (DeclarationOutcome.AlreadyDeclared, null);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO envgis.audit_log (actor, action, target, details) VALUES (@by, 'compliance.declare', @unit, jsonb_build_object('month', @key::text, 'comment', @comment::text))",
            new { by, unit, key = month.Key, comment }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return (DeclarationOutcome.Declared, new UpdateDeclaration(month.Key, inserted.Comment, inserted.DeclaredBy, inserted.DeclaredAt));
    }

    // Per unit and layer: records changed in the month whose change counts (a commune's edits once
    // approved, at the approval's time), records whose change still waits for approval, and the
    // first and last instants a change counted.
    private const string ChangesSql = """
        WITH edits AS (
            SELECT h.id, h.layer, h.record_id, h.unit_code, h.action, h.at, n.kind
            FROM envgis.record_history AS h JOIN envgis.units AS n ON n.code = h.unit_code
            WHERE h.unit_code = ANY (@units) AND h.at >= @start AND h.at < @end
              AND h.action IN ('insert', 'update', 'delete', 'restore')
        ), counted AS (
            SELECT e.unit_code, e.layer, e.record_id,
                   CASE WHEN e.kind = 'commune' AND e.action <> 'delete'
                        THEN (SELECT a.at FROM envgis.record_history AS a
                              WHERE a.layer = e.layer AND a.record_id = e.record_id AND a.id > e.id AND a.action = 'approve'
                              ORDER BY a.id LIMIT 1)
                        ELSE e.at END AS counted_at
            FROM edits AS e
        ), per_record AS (
            SELECT unit_code, layer, record_id, min(counted_at) AS first_at, max(counted_at) AS last_at,
                   bool_or(counted_at IS NULL) AS any_pending
            FROM counted GROUP BY unit_code, layer, record_id
        )
        SELECT unit_code AS Unit, layer AS Layer,
               count(*) FILTER (WHERE first_at IS NOT NULL)::int AS Counted,
               count(*) FILTER (WHERE first_at IS NULL)::int AS Pending,
               min(first_at) AS FirstAt, max(last_at) AS LastAt
        FROM per_record GROUP BY unit_code, layer
        """;

    private sealed record ChangeRow(string Unit, string Layer, int Counted, int Pending, DateTime? FirstAt, DateTime? LastAt);
}
