using EnvGis.Core.Reports;

namespace EnvGis.Data.Reports;

/// <summary>
/// A kind of report enterprises owe (e.g. the annual environmental protection report): its names,
/// period, due rule (days after the period ends), the first period owed, the facilities that owe it
/// (records of one layer owned by enterprises, optionally only some), its form and required documents.
/// </summary>
public sealed record ReportType(
    long Id,
    string Code,
    string NameVi,
    string NameEn,
    string DescriptionVi,
    string DescriptionEn,
    string Period,
    int DueDays,
    string FirstPeriod,
    string FacilityLayer,
    IReadOnlyList<long>? FacilityIds,
    IReadOnlyList<ReportField> Fields,
    IReadOnlyList<ReportAttachmentKind> AttachmentKinds,
    bool Active,
    DateTime UpdatedAt,
    string UpdatedBy);
