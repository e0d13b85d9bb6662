namespace EnvGis.Data.Accounts;

/// <summary>One line of the sign-in log.</summary>
public sealed record SignInEntry
{
    public long Id { get; init; }

    public DateTime At { get; init; }

    public string UserName { get; init; } = "";

    public string Method { get; init; } = "";

    public bool Succeeded { get; init; }

    public string? Failure { get; init; }

    public string? RemoteAddress { get; init; }

    public string? UserAgent { get; init; }
}
