using EnvGis.Data.Reports;

namespace EnvGis.Server.Reports;

/// <summary>A document of a report as clients see it (never where it is stored).</summary>
public sealed record ReportFileInfo(long Id, string Kind, string FileName, string ContentType, long Size, string Sha256, string UploadedBy,
    DateTime UploadedAt, string Href)
{
    public static ReportFileInfo From(SubmissionFile file) => new(file.Id, file.Kind, file.FileName, file.ContentType, file.Size, file.Sha256,
        file.UploadedBy, file.UploadedAt, $"/api/reports/{file.SubmissionId}/files/{file.Id}");
}
