namespace EnvGis.Data.Accounts;

/// <summary>One handover of an account to a successor (Art. 4.3).</summary>
public sealed record Handover
{
    public long Id { get; init; }

    public string? FromHolder { get; init; }

    public string ToHolder { get; init; } = "";

    public string? ToContact { get; init; }

    public string Reason { get; init; } = "";

    public string PerformedBy { get; init; } = "";

    public DateTime PerformedAt { get; init; }

    public int SessionsEnded { get; init; }

    public int TokensRevoked { get; init; }
}
