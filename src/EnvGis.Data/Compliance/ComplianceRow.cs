namespace EnvGis.Data.Compliance;

/// <summary>
/// One unit's standing for one month (docs/operations.md "Monthly update compliance"): its status, when its last counted update
/// was, what it changed by layer, commune edits still waiting for the chairman's approval, and its
/// declaration if it made one. <see cref="Overdue"/>: nothing counts yet and the deadline has passed.
/// </summary>
public sealed record ComplianceRow(
    string Unit,
    string UnitNameVi,
    string UnitNameEn,
    string Kind,
    string? Commune,
    string Month,
    string Status,
    DateTime? LastUpdate,
    DateTime Deadline,
    bool Overdue,
    IReadOnlyList<LayerChanges> Changes,
    int PendingApproval,
    UpdateDeclaration? Declaration);
