using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using Npgsql;

namespace EnvGis.Data.Records;

/// <summary>
/// The attachment rows of records. Reads assume the caller has already read the record through its
/// <see cref="Core.Security.ReadScope"/> (the visibility of an attachment is that of its record);
/// adding and deleting go through a <see cref="RecordWriter"/>, which demands the right to change the record.
/// </summary>
public sealed class AttachmentStore(NpgsqlDataSource dataSource)
{
    /// <summary>The most documents one record may carry.</summary>
    public const int MaxPerRecord = 50;

    private const string Columns =
        "id, layer, record_id, file_name, content_type, size_bytes, sha256, stored_path, uploaded_by, unit_code, uploaded_at";

    public async Task<IReadOnlyList<Attachment>> ListAsync(string layer, long recordId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM envgis.attachments WHERE layer = @layer AND record_id = @record AND deleted_at IS NULL ORDER BY id");
        command.Parameters.AddWithValue("layer", layer);
        command.Parameters.AddWithValue("record", recordId);
        return await ReadAsync(command, ct);
    }

    public async Task<Attachment?> FindAsync(string layer, long recordId, long id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM envgis.attachments WHERE layer = @layer AND record_id = @record AND id = @id AND deleted_at IS NULL");
        command.Parameters.AddWithValue("layer", layer);
        command.Parameters.AddWithValue("record", recordId);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, ct)) is [var one] ? one : null;
    }

    /// <summary>Records <paramref name="file"/> against the record, if the writer may change it; written to the audit log in the same transaction.</summary>
    public async Task<Attachment> AddAsync(RecordWriter writer, LayerDefinition layer, long recordId, NewAttachment file, CancellationToken ct)
    {
        await DemandAsync(writer, layer, recordId, ct);
        await using (var count = writer.CreateCommand(
                         "SELECT count(*) FROM envgis.attachments WHERE layer = @layer AND record_id = @record AND deleted_at IS NULL"))
        {
            count.Parameters.AddWithValue("layer", layer.Name);
            count.Parameters.AddWithValue("record", recordId);
            if ((long)(await count.ExecuteScalarAsync(ct))! >= MaxPerRecord)
            {
                throw RecordException.Conflict($"A record may carry at most {MaxPerRecord} documents; delete one first.");
            }
        }

        await using var command = writer.CreateCommand($"""
            INSERT INTO envgis.attachments (layer, record_id, file_name, content_type, size_bytes, sha256, stored_path, uploaded_by, unit_code)
            VALUES (@layer, @record, @name, @type, @size, @sha, @path, @by, @unit)
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("layer", layer.Name);
        command.Parameters.AddWithValue("record", recordId);
        command.Parameters.AddWithValue("name", file.FileName);
        command.Parameters.AddWithValue("type", file.ContentType);
        command.Parameters.AddWithValue("size", file.Size);
        command.Parameters.AddWithValue("sha", file.Sha256);
        command.Parameters.AddWithValue("path", file.StoredPath);
        command.Parameters.AddWithValue("by", writer.Actor.UserName);
        command.Parameters.AddWithValue("unit", writer.Actor.Unit.Code);
        var attachment = (await ReadAsync(command, ct))[0];
        await AuditAsync(writer, "attachment.add", attachment, ct);
        return attachment;
    }

    /// <summary>Soft-deletes an attachment of the record, if the writer may change it; null when there is no such attachment.</summary>
    public async Task<Attachment?> DeleteAsync(RecordWriter writer, LayerDefinition layer, long recordId, long id, CancellationToken ct)
    {
        await DemandAsync(writer, layer, recordId, ct);
        await using var command = writer.CreateCommand($"""
            UPDATE envgis.attachments SET deleted_at = now(), deleted_by = @by
            WHERE layer = @layer AND record_id = @record AND id = @id AND deleted_at IS NULL
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("layer", layer.Name);
        command.Parameters.AddWithValue("record", recordId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("by", writer.Actor.UserName);
        if ((await ReadAsync(command, ct)) is not [var attachment])
        {
            return null;
        }

        await AuditAsync(writer, "attachment.delete", attachment, ct);
        return attachment;
    }

    /// <summary>Documents are part of their record: changing them needs the right to change it (scope, role, status, area).</summary>
    private static Task DemandAsync(RecordWriter writer, LayerDefinition layer, long recordId, CancellationToken ct) =>
        writer.DemandChangeAsync(layer, recordId, ct);

    private static async Task AuditAsync(RecordWriter writer, string action, Attachment attachment, CancellationToken ct)
    {
        await using var command = writer.CreateCommand(
            "INSERT INTO envgis.audit_log (actor, action, target, details) VALUES (@actor, @action, @target, @details::jsonb)");
        command.Parameters.AddWithValue("actor", writer.Actor.UserName);
        command.Parameters.AddWithValue("action", action);
        command.Parameters.AddWithValue("target", $"{attachment.Layer}.{attachment.RecordId}");
        command.Parameters.AddWithValue("details", JsonSerializer.Serialize(new
        {
            attachment = attachment.Id,
            fileName = attachment.FileName,
            size = attachment.Size,
            sha256 = attachment.Sha256,
            channel = writer.Channel,
        }));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<Attachment>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var list = new List<Attachment>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new Attachment(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetFieldValue<DateTime>(10)));
        }

        return list;
    }
}
