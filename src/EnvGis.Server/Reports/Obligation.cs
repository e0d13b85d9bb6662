namespace EnvGis.Server.Reports;

/// <summary>
/// One report a facility owes: its type, period and due day, the facility and its enterprise, where the
/// report stands (<c>not-started</c>, <c>draft</c>, <c>submitted</c>, <c>changes-requested</c>,
/// <c>accepted</c>) and whether it is overdue (not submitted by the end of the due day).
/// </summary>
public sealed record Obligation(string Type, string TypeNameVi, string TypeNameEn, string Period, DateOnly DueDay, string FacilityLayer,
    long FacilityId, string FacilityName, string Unit, string UnitNameVi, string UnitNameEn, string Status, long? ReportId, bool Overdue,
    string FacilityRecord);
