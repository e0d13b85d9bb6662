using System.Text.Json;
using Dapper;
using EnvGis.Core.Reports;
using Npgsql;

namespace EnvGis.Data.Reports;

/// <summary>The report types the administrator configures (reports.report_types), each change in the audit log.</summary>
public sealed class ReportTypeStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Select = """
        SELECT id, code, name_vi, name_en, description_vi, description_en, period, due_days, first_period, facility_layer,
               coalesce(to_jsonb(facility_ids), 'null')::text AS facility_ids, fields::text, attachment_kinds::text, active, updated_at, updated_by
        FROM reports.report_types
        """;

    public async Task<IReadOnlyList<ReportType>> ListAsync(bool activeOnly, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Row>(new CommandDefinition(
            Select + (activeOnly ? " WHERE active" : "") + " ORDER BY code", cancellationToken: ct))).Select(ToType).ToList();
    }

    public async Task<ReportType?> FindAsync(string code, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select + " WHERE code = @code", new { code }, cancellationToken: ct));
        return row is null ? null : ToType(row);
    }

    public async Task<ReportType?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select + " WHERE id = @id", new { id }, cancellationToken: ct));
        return row is null ? null : ToType(row);
    }

    /// <summary>Creates or replaces the type named <paramref name="type"/>.Code; returns it and whether it was new.</summary>
    public async Task<(ReportType Type, bool Created)> SaveAsync(ReportType type, string by, bool createOnly, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var args = new
        {
            type.Code, type.NameVi, type.NameEn, type.DescriptionVi, type.DescriptionEn, type.Period, type.DueDays, type.FirstPeriod,
            type.FacilityLayer, facilityIds = type.FacilityIds?.ToArray(), fields = JsonSerializer.Serialize(type.Fields, Json),
            kinds = JsonSerializer.Serialize(type.AttachmentKinds, Json), type.Active, by,
        };
        var created = await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(
            $"""
            INSERT INTO reports.report_types (code, name_vi, name_en, description_vi, description_en, period, due_days, first_period,
                                              facility_layer, facility_ids, fields, attachment_kinds, active, created_by, updated_by)
            VALUES (@Code, @NameVi, @NameEn, @DescriptionVi, @DescriptionEn, @Period, @DueDays, @FirstPeriod, @FacilityLayer, @facilityIds,
                    @fields::jsonb, @kinds::jsonb, @Active, @by, @by)
            ON CONFLICT (code) DO {(createOnly ? "NOTHING" : """
                UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, description_vi = excluded.description_vi,
                           description_en = excluded.description_en, period = excluded.period, due_days = excluded.due_days,
                           first_period = excluded.first_period, facility_layer = excluded.facility_layer,
                           facility_ids = excluded.facility_ids, fields = excluded.fields, attachment_kinds = excluded.attachment_kinds,
                           active = excluded.active, updated_by = excluded.updated_by, updated_at = now()
                """)}
            RETURNING (xmax = 0)
            """, args, transaction, cancellationToken: ct));
        if (created is null)
        {
            return (null!, false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO envgis.audit_log (actor, action, target, details) VALUES (@by, @action, @code, @details::jsonb)",
            new { by, action = created.Value ? "report-type.create" : "report-type.update", code = type.Code, details = JsonSerializer.Serialize(type, Json) },
            transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return ((await FindAsync(type.Code, ct))!, created.Value);
    }

    private static ReportType ToType(Row r) => new(r.id, r.code, r.name_vi, r.name_en, r.description_vi, r.description_en, r.period, r.due_days,
        r.first_period, r.facility_layer, JsonSerializer.Deserialize<List<long>>(r.facility_ids), JsonSerializer.Deserialize<List<ReportField>>(r.fields, Json) ?? [],
        JsonSerializer.Deserialize<List<ReportAttachmentKind>>(r.attachment_kinds, Json) ?? [], r.active, r.updated_at, r.updated_by);

#pragma warning disable IDE1006 // Dapper maps the column names as they are.
    private sealed record Row(long id, string code, string name_vi, string name_en, string description_vi, string description_en, string period,
        int due_days, string first_period, string facility_layer, string facility_ids, string fields, string attachment_kinds, bool active,
        DateTime updated_at, string updated_by);
#pragma warning restore IDE1006
}
