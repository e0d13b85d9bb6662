using EnvGis.Core.Security;

namespace EnvGis.Data.Accounts;

/// <summary>An account to create: its unit and role, the named holder, and its password (already checked).</summary>
public sealed record NewUser(
    string UserName, string UnitCode, Role Role, string? HolderName, string? HolderContact, string? Password, bool ClientCanWrite);
