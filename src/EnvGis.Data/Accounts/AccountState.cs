using EnvGis.Core.Security;

namespace EnvGis.Data.Accounts;

/// <summary>An account as loaded for a request: the rules' view (<see cref="Account"/>) and its security state.</summary>
public sealed record AccountState(Account Account, Guid SecurityStamp, bool Disabled, DateTime? LockedUntil, string? PasswordHash);
