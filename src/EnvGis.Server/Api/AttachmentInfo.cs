using EnvGis.Data.Records;

namespace EnvGis.Server.Api;

/// <summary>A document of a record as the API shows it; who uploaded it only to the owner unit and the administrator.</summary>
public sealed record AttachmentInfo(long Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt,
    string? UploadedBy, string Href)
{
    public static AttachmentInfo From(Attachment a, bool privileged) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256,
        DateTime.SpecifyKind(a.UploadedAt, DateTimeKind.Utc), privileged ? a.UploadedBy : null,
        $"/api/layers/{Uri.EscapeDataString(a.Layer)}/records/{a.RecordId}/attachments/{a.Id}");
}
