namespace EnvGis.Data.Records;

/// <summary>A document attached to a record; <see cref="StoredPath"/> is relative to the uploads folder and generated, never the client's name.</summary>
public sealed record Attachment(
    long Id, string Layer, long RecordId, string FileName, string ContentType, long Size, string Sha256, string StoredPath,
    string UploadedBy, string? UnitCode, DateTime UploadedAt);
