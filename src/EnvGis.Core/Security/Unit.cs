using EnvGis.Core.Records;

namespace EnvGis.Core.Security;

/// <summary>
/// A unit as the rules see it: its kind, its commune (for communes and enterprises), whether its
/// editors may approve their own records (city units only, Art. 7.2b), and the status records
/// inserted by it start in.
/// </summary>
public sealed record Unit(string Code, UnitKind Kind, string? CommuneCode, bool SelfApprove, string NewRecordStatus = RecordStatus.Draft);
