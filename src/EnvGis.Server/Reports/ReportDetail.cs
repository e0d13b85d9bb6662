using EnvGis.Data.Reports;

namespace EnvGis.Server.Reports;

/// <summary>
/// One report with its type, documents, history and the facility's map record (<see cref="FacilityRecord"/>:
/// the record in <c>/api/layers</c>; <see cref="FacilityMap"/>: the portal's map at that record).
/// </summary>
public sealed record ReportDetail(Submission Report, ReportType Type, string? FacilityName, IReadOnlyList<ReportFileInfo> Files,
    IReadOnlyList<SubmissionEvent> History, string FacilityRecord, string FacilityMap, DateOnly DueDay, bool Overdue);
