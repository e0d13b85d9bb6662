using EnvGis.Core.Reports;

namespace EnvGis.Server.Reports;

/// <summary>A report type to create or replace (the code is in the path).</summary>
public sealed record ReportTypeRequest(
    string? NameVi,
    string? NameEn,
    string? DescriptionVi,
    string? DescriptionEn,
    string? Period,
    int? DueDays,
    string? FirstPeriod,
    string? FacilityLayer,
    IReadOnlyList<long>? FacilityIds,
    IReadOnlyList<ReportField>? Fields,
    IReadOnlyList<ReportAttachmentKind>? AttachmentKinds,
    bool? Active);
