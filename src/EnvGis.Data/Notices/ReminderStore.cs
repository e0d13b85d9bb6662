using Dapper;
using EnvGis.Core.Notices;
using Npgsql;

namespace EnvGis.Data.Notices;

/// <summary>
/// The history of reminders and notices (envgis.reminders, docs/operations.md "Reminders and e-mail").
/// One row per (kind, unit, period): adding is idempotent, so every node and every restart may plan
/// the same reminders and each is still kept, and e-mailed, once.
/// </summary>
public sealed class ReminderStore(NpgsqlDataSource dataSource)
{
    /// <summary>How often a failed e-mail is tried again before it stays failed.</summary>
    public const int MaxAttempts = 5;

    private const string Columns = """
        id, kind, unit_code AS Unit, period, due_at AS DueAt, subject_vi AS SubjectVi, subject_en AS SubjectEn, body_vi AS BodyVi,
        body_en AS BodyEn, link, created_at AS CreatedAt, array_to_string(email_to, ',') AS EmailTo, email_status AS EmailStatus, email_attempts AS EmailAttempts,
        email_sent_at AS EmailSentAt, email_error AS EmailError
        """;

    /// <summary>
    /// Keeps a reminder unless one of its kind, unit and period exists; its e-mail goes to the unit's
    /// notice address when mail is configured. Returns whether it was new.
    /// </summary>
    public async Task<bool> AddAsync(string kind, string unit, string period, DateTimeOffset? dueAt, ReminderText text, bool mailConfigured,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO envgis.reminders (kind, unit_code, period, due_at, subject_vi, subject_en, body_vi, body_en, link, email_to, email_status)
            SELECT @kind, n.code, @period, @dueAt, @subjectVi, @subjectEn, @bodyVi, @bodyEn, @link,
                   CASE WHEN n.notice_email IS NULL THEN '{}'::text[] ELSE ARRAY[n.notice_email] END,
                   CASE WHEN NOT @mail THEN 'not-configured' WHEN n.notice_email IS NULL THEN 'no-address' ELSE 'pending' END
            FROM envgis.units AS n WHERE n.code = @unit
            ON CONFLICT (kind, unit_code, period) DO NOTHING
            """, new { kind, unit, period, dueAt, subjectVi = text.SubjectVi, subjectEn = text.SubjectEn, bodyVi = text.BodyVi, bodyEn = text.BodyEn,
                link = text.Link, mail = mailConfigured }, cancellationToken: ct));
        return added > 0;
    }

    /// <summary>The newest reminders first, of one unit or of all.</summary>
    public async Task<IReadOnlyList<Reminder>> ListAsync(string? unit, string? kind, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Reminder>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM envgis.reminders
            WHERE (@unit::text IS NULL OR unit_code = @unit) AND (@kind::text IS NULL OR kind = @kind)
            ORDER BY created_at DESC, id DESC LIMIT @limit
            """, new { unit, kind, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Sends the pending e-mails one by one through <paramref name="send"/>. Each row stays locked
    /// while it is sent (other nodes skip it), and is marked sent, or failed with the error after
    /// <see cref="MaxAttempts"/> tries. Returns how many were sent.
    /// </summary>
    public async Task<int> DeliverAsync(Func<PendingMail, CancellationToken, Task> send, CancellationToken ct)
    {
        var sent = 0;
        var skip = new List<long>();
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var mail = await connection.QuerySingleOrDefaultAsync<PendingMail>(new CommandDefinition(
                """
                SELECT id, array_to_string(email_to, ',') AS EmailTo, subject_vi AS SubjectVi, subject_en AS SubjectEn, body_vi AS BodyVi, body_en AS BodyEn, link
                FROM envgis.reminders WHERE email_status = 'pending' AND NOT (id = ANY (@skip))
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
                """, new { skip = skip.ToArray() }, transaction, cancellationToken: ct));
            if (mail is null)
            {
                return sent;
            }

            string? error = null;
            try
            {
                await send(mail, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                skip.Add(mail.Id);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE envgis.reminders SET email_attempts = email_attempts + 1, email_error = @error,
                       email_status = CASE WHEN @error::text IS NULL THEN 'sent' WHEN email_attempts + 1 >= @max THEN 'failed' ELSE 'pending' END,
                       email_sent_at = CASE WHEN @error::text IS NULL THEN now() END
                WHERE id = @id
                """, new { id = mail.Id, error, max = MaxAttempts }, transaction, cancellationToken: ct));
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Sets (or with null removes) a unit's notice address; false when there is no such unit.</summary>
    public async Task<bool> SetNoticeEmailAsync(string unit, string? email, string by, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE envgis.units SET notice_email = @email WHERE code = @unit", new { unit, email }, transaction, cancellationToken: ct));
        if (changed == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO envgis.audit_log (actor, action, target, details) VALUES (@by, 'unit.notice-email', @unit, jsonb_build_object('email', @email::text))",
            new { by, unit, email }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<string?> NoticeEmailAsync(string unit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT notice_email FROM envgis.units WHERE code = @unit", new { unit }, cancellationToken: ct));
    }

    /// <summary>The Department's units (kind department), which receive the yearly account-review reminder.</summary>
    public async Task<IReadOnlyList<(string Code, string NameVi)>> DepartmentUnitsAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT code, name_vi FROM envgis.units WHERE kind = 'department' ORDER BY code", cancellationToken: ct))).AsList();
    }
}
