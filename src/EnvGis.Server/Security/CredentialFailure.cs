namespace EnvGis.Server.Security;

/// <summary>A request feature: the credentials sent with the request were refused (and why).</summary>
public sealed record CredentialFailure(string Message, bool LockedOut);
