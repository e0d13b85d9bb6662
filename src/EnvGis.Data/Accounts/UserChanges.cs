using EnvGis.Core.Security;

namespace EnvGis.Data.Accounts;

/// <summary>
/// The administrator's edit of an account without a handover (already validated): its unit, role,
/// the holder's contact and the client write grant. A changed unit or role ends the account's sessions.
/// </summary>
public sealed record UserChanges(string UnitCode, Role Role, string? HolderContact, bool ClientCanWrite);
