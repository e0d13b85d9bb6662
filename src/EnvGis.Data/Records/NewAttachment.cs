namespace EnvGis.Data.Records;

/// <summary>A file already written to the uploads folder, to be recorded against a record.</summary>
public sealed record NewAttachment(string FileName, string ContentType, long Size, string Sha256, string StoredPath);
