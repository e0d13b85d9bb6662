namespace EnvGis.Data.Reports;

/// <summary>A document of a submission (checked and stored like record attachments).</summary>
public sealed record SubmissionFile(long Id, long SubmissionId, string Kind, string FileName, string ContentType, long Size, string Sha256,
    string StoredPath, string UploadedBy, DateTime UploadedAt);
