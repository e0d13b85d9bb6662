using System.Text.Json;
using Dapper;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Reports;
using EnvGis.Core.Security;
using EnvGis.Data.Records;
using EnvGis.Data.Sql;
using Npgsql;

namespace EnvGis.Data.Reports;

/// <summary>
/// Enterprise report submissions (docs/operations.md "Enterprise reports"): each change locks the submission row,
/// checks its status and version, changes it and writes one history event, in one transaction.
/// Callers have already checked who may act (the facility's enterprise, or the Department).
/// </summary>
public sealed class ReportStore(NpgsqlDataSource dataSource)
{
    /// <summary>The most documents one submission may carry.</summary>
    public const int MaxFiles = 30;

    private const string SubmissionColumns = """
        s.id, s.type_id, t.code, s.period, s.facility_layer, s.facility_id, s.unit_code, s.status, s."values"::text, s.version,
        s.created_by, s.created_at, s.updated_by, s.updated_at, s.submitted_at, s.first_submitted_at, s.accepted_at
        """;

    private const string FileColumns =
        "id AS Id, submission_id AS SubmissionId, kind AS Kind, file_name AS FileName, content_type AS ContentType, size_bytes AS Size, "
        + "sha256 AS Sha256, stored_path AS StoredPath, uploaded_by AS UploadedBy, uploaded_at AS UploadedAt";

    /// <summary>
    /// The facilities that owe <paramref name="type"/>: records of its layer that are not archived, owned
    /// by an enterprise unit (only <paramref name="unit"/>'s when given), among the type's ids when it
    /// lists some. A system read (every record of the layer), so callers show a unit only its own.
    /// </summary>
    public async Task<IReadOnlyList<Facility>> FacilitiesAsync(ReportType type, LayerDefinition layer, string? unit, CancellationToken ct)
    {
        var name = layer.LabelAttribute is { } label && layer.FindAttribute(label) is not null
            ? $"coalesce(r.{SqlIdentifier.Quote(label)}::text, '#' || r.id)"
            : "'#' || r.id";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Facility>(new CommandDefinition(
            $"""
            SELECT @layer AS Layer, r.id AS Id, {name} AS Name, n.code AS Unit, n.name_vi AS UnitNameVi, n.name_en AS UnitNameEn
            FROM {SqlIdentifier.LayerTable(layer.Name)} AS r JOIN envgis.units AS n ON n.code = r.owner_unit
            WHERE n.kind = @enterprise AND r.status <> '{RecordStatus.Archived}' AND {Visibility.Predicate(ReadScope.Everything, "r")}
              AND (@ids::bigint[] IS NULL OR r.id = ANY (@ids)) AND (@unit::text IS NULL OR n.code = @unit)
            ORDER BY n.code, r.id
            """, new { layer = layer.Name, enterprise = UnitKind.Enterprise.Name(), ids = type.FacilityIds?.ToArray(), unit },
            cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<Submission>> ListAsync(string? unit, long? typeId, string? status, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {SubmissionColumns} FROM reports.submissions AS s JOIN reports.report_types AS t ON t.id = s.type_id
            WHERE (@unit::text IS NULL OR s.unit_code = @unit) AND (@type::bigint IS NULL OR s.type_id = @type)
              AND (@status::text IS NULL OR s.status = @status)
            ORDER BY s.updated_at DESC, s.id DESC LIMIT 2000
            """, connection);
        command.Parameters.AddWithValue("unit", (object?)unit ?? DBNull.Value);
        command.Parameters.AddWithValue("type", (object?)typeId ?? DBNull.Value);
        command.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        return await ReadSubmissionsAsync(command, ct);
    }

    public async Task<Submission?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await FindAsync(connection, null, id, lockRow: false, ct);
    }

    public async Task<IReadOnlyList<SubmissionFile>> FilesAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<SubmissionFile>(new CommandDefinition(
            $"SELECT {FileColumns} FROM reports.submission_files WHERE submission_id = @id AND deleted_at IS NULL ORDER BY id",
            new { id }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<SubmissionEvent>> EventsAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<SubmissionEvent>(new CommandDefinition(
            """
            SELECT id, action, from_status AS FromStatus, to_status AS ToStatus, version, user_name AS UserName, unit_code AS UnitCode, comment, at
            FROM reports.submission_events WHERE submission_id = @id ORDER BY id
            """, new { id }, cancellationToken: ct))).AsList();
    }

    /// <summary>Starts a draft for a facility and period; refused when one exists already.</summary>
    public async Task<Submission> CreateAsync(ReportType type, Facility facility, ReportPeriod period, Dictionary<string, object?> values,
        ReportActor actor, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO reports.submissions (type_id, period, facility_layer, facility_id, unit_code, status, "values", created_by, updated_by)
            VALUES (@type, @period, @layer, @facility, @unit, 'draft', @values::jsonb, @user, @user)
            ON CONFLICT (type_id, facility_layer, facility_id, period) DO NOTHING
            RETURNING id
            """, new { type = type.Id, period = period.Key, layer = facility.Layer, facility = facility.Id, unit = facility.Unit,
                values = JsonSerializer.Serialize(values), user = actor.UserName }, transaction, cancellationToken: ct));
        if (id is null)
        {
            throw ReportException.Conflict("report-exists",
                $"The facility {facility.Layer}.{facility.Id} already has a '{type.Code}' report for {period.Key}; open and change that one.");
        }

        var created = (await FindAsync(connection, transaction, id.Value, lockRow: true, ct))!;
        await EventAsync(connection, transaction, created, "create", null, actor, null, ct);
        await transaction.CommitAsync(ct);
        return created;
    }

    /// <summary>Replaces the form's values of an editable submission at <paramref name="expectedVersion"/>.</summary>
    public Task<Submission> UpdateAsync(long id, int? expectedVersion, Dictionary<string, object?> values, ReportActor actor, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, null, "update", ct, async (connection, transaction, current) =>
        {
            RequireEditable(current);
            await connection.ExecuteAsync(new CommandDefinition(
                """UPDATE reports.submissions SET "values" = @values::jsonb WHERE id = @id""",
                new { id, values = JsonSerializer.Serialize(values) }, transaction, cancellationToken: ct));
            return current.Status;
        });

    /// <summary>Adds a document of <paramref name="kind"/> to an editable submission.</summary>
    public async Task<SubmissionFile> AddFileAsync(long id, string kind, NewAttachment file, ReportActor actor, CancellationToken ct)
    {
        SubmissionFile? added = null;
        await ChangeAsync(id, null, actor, $"{kind}: {file.FileName}", "attach", ct, async (connection, transaction, current) =>
        {
            RequireEditable(current);
            var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM reports.submission_files WHERE submission_id = @id AND deleted_at IS NULL", new { id }, transaction,
                cancellationToken: ct));
            if (count >= MaxFiles)
            {
                throw ReportException.Conflict("too-many-files", $"A report may carry at most {MaxFiles} documents; delete one first.");
            }

            added = await connection.QuerySingleAsync<SubmissionFile>(new CommandDefinition(
                $"""
                INSERT INTO reports.submission_files (submission_id, kind, file_name, content_type, size_bytes, sha256, stored_path, uploaded_by)
                VALUES (@id, @kind, @name, @type, @size, @sha, @path, @user)
                RETURNING {FileColumns}
                """, new { id, kind, name = file.FileName, type = file.ContentType, size = file.Size, sha = file.Sha256, path = file.StoredPath,
                    user = actor.UserName }, transaction, cancellationToken: ct));
            return current.Status;
        });
        return added!;
    }

    /// <summary>Removes a document from an editable submission (kept in the table as deleted).</summary>
    public Task<Submission> DeleteFileAsync(long id, long fileId, ReportActor actor, CancellationToken ct) =>
        ChangeAsync(id, null, actor, $"file {fileId}", "detach", ct, async (connection, transaction, current) =>
        {
            RequireEditable(current);
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE reports.submission_files SET deleted_at = now(), deleted_by = @user
                WHERE id = @file AND submission_id = @id AND deleted_at IS NULL
                """, new { id, file = fileId, user = actor.UserName }, transaction, cancellationToken: ct));
            return deleted == 0 ? throw ReportException.NotFound($"Report {id} has no document {fileId}.") : current.Status;
        });

    /// <summary>Submits an editable, complete submission: every required field has a value and every required kind a document.</summary>
    public Task<Submission> SubmitAsync(long id, int? expectedVersion, ReportType type, ReportActor actor, string? comment, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, comment, "submit", ct, async (connection, transaction, current) =>
        {
            RequireEditable(current);
            var missing = ReportForm.MissingRequired(type.Fields, current.Values).ToList();
            var kinds = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT kind FROM reports.submission_files WHERE submission_id = @id AND deleted_at IS NULL", new { id }, transaction,
                cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(type.AttachmentKinds.Where(k => !kinds.Contains(k.Code)).Select(k => "document:" + k.Code));
            if (missing.Count > 0)
            {
                throw ReportException.Invalid("report-incomplete", $"The report cannot be submitted yet; missing: {string.Join(", ", missing)}.",
                    missing[0]);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE reports.submissions SET status = 'submitted', submitted_at = now(), first_submitted_at = coalesce(first_submitted_at, now())
                WHERE id = @id
                """, new { id }, transaction, cancellationToken: ct));
            return ReportStatus.Submitted;
        });

    /// <summary>The Department's decision on a submitted report: changes requested (with a comment) or accepted.</summary>
    public Task<Submission> ReviewAsync(long id, int? expectedVersion, bool accept, string? comment, ReportActor actor, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, comment, accept ? "accept" : "request-changes", ct, async (connection, transaction, current) =>
        {
            if (current.Status == ReportStatus.Accepted)
            {
                throw Accepted(id);
            }

            if (current.Status != ReportStatus.Submitted)
            {
                throw ReportException.Conflict("report-not-submitted", $"Report {id} is {current.Status}: only a submitted report is reviewed.");
            }

            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE reports.submissions SET status = @status{(accept ? ", accepted_at = now()" : "")} WHERE id = @id",
                new { id, status = accept ? ReportStatus.Accepted : ReportStatus.ChangesRequested }, transaction, cancellationToken: ct));
            return accept ? ReportStatus.Accepted : ReportStatus.ChangesRequested;
        });

    public async Task<SubmissionFile?> FindFileAsync(long id, long fileId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SubmissionFile>(new CommandDefinition(
            $"SELECT {FileColumns} FROM reports.submission_files WHERE submission_id = @id AND id = @file AND deleted_at IS NULL",
            new { id, file = fileId }, cancellationToken: ct));
    }

    private async Task<Submission> ChangeAsync(long id, int? expectedVersion, ReportActor actor, string? comment, string action, CancellationToken ct,
        Func<NpgsqlConnection, NpgsqlTransaction, Submission, Task<string>> change)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var current = await FindAsync(connection, transaction, id, lockRow: true, ct) ?? throw ReportException.NotFound($"There is no report {id}.");
        if (expectedVersion is { } expected && expected != current.Version)
        {
            throw ReportException.Conflict("stale-version", $"Report {id} is at version {current.Version}, not {expected}: reload it and try again.");
        }

        var status = await change(connection, transaction, current);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reports.submissions SET version = version + 1, updated_by = @user, updated_at = now() WHERE id = @id",
            new { id, user = actor.UserName }, transaction, cancellationToken: ct));
        var changed = (await FindAsync(connection, transaction, id, lockRow: false, ct))!;
        await EventAsync(connection, transaction, changed, action, current.Status, actor, comment, ct);
        await transaction.CommitAsync(ct);
        _ = status;
        return changed;
    }

    private static void RequireEditable(Submission current)
    {
        if (current.Status == ReportStatus.Accepted)
        {
            throw Accepted(current.Id);
        }

        if (!ReportStatus.IsEditable(current.Status))
        {
            throw ReportException.Conflict("report-submitted",
                $"Report {current.Id} is submitted and waits for the Department's review: it changes again only if changes are requested.");
        }
    }

    private static ReportException Accepted(long id) =>
        ReportException.Conflict("report-accepted", $"Report {id} was accepted: an accepted report never changes.");

    private static async Task EventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Submission after, string action, string? from,
        ReportActor actor, string? comment, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reports.submission_events (submission_id, action, from_status, to_status, version, user_name, unit_code, comment, "values")
            VALUES (@id, @action, @from, @to, @version, @user, @unit, @comment, @values::jsonb)
            """, new { id = after.Id, action, from, to = after.Status, version = after.Version, user = actor.UserName, unit = actor.UnitCode, comment,
                values = JsonSerializer.Serialize(after.Values) }, transaction, cancellationToken: ct));

    private static async Task<Submission?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, bool lockRow, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {SubmissionColumns} FROM reports.submissions AS s JOIN reports.report_types AS t ON t.id = s.type_id
            WHERE s.id = @id{(lockRow ? " FOR UPDATE OF s" : "")}
            """, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        return (await ReadSubmissionsAsync(command, ct)) is [var one] ? one : null;
    }

    private static async Task<List<Submission>> ReadSubmissionsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var list = new List<Submission>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            DateTime? At(int i) => reader.IsDBNull(i) ? null : reader.GetDateTime(i);
            var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(reader.GetString(8)) ?? [];
            list.Add(new Submission(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5), reader.GetString(6), reader.GetString(7), values, reader.GetInt32(9), reader.GetString(10), reader.GetDateTime(11),
                reader.GetString(12), reader.GetDateTime(13), At(14), At(15), At(16)));
        }

        return list;
    }
}
