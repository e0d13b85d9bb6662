namespace EnvGis.Server.Api;

/// <summary>An account's unit, role, holder contact ("" clears it) and client write grant; absent members stay as they are.</summary>
public sealed record UpdateUserRequest(string? Unit, string? Role, string? HolderContact, bool? ClientCanWrite);
