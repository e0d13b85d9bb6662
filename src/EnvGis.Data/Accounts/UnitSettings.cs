using EnvGis.Core.Security;

namespace EnvGis.Data.Accounts;

/// <summary>
/// What the administrator sets for a unit (each part optional: null leaves it as it is): the
/// layers it may edit, its area (not for communes), the status its new records start in, and
/// self-approval (not for communes).
/// </summary>
public sealed record UnitSettings(
    IReadOnlyList<string>? Layers, SpatialScope? Area, string? NewRecordStatus, bool? SelfApprove);
