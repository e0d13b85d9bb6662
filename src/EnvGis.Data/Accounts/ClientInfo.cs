namespace EnvGis.Data.Accounts;

/// <summary>Where a sign-in came from, for the sign-in log and the session list.</summary>
public sealed record ClientInfo(string? RemoteAddress, string? UserAgent)
{
    public static ClientInfo Unknown { get; } = new(null, null);

    public string? ShortUserAgent => UserAgent is { Length: > 300 } text ? text[..300] : UserAgent;
}
