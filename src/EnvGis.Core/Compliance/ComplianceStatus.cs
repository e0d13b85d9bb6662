namespace EnvGis.Core.Compliance;

/// <summary>A unit's standing for one month (the <c>status</c> of <c>GET /api/compliance</c>, docs/operations.md "Monthly update compliance").</summary>
public static class ComplianceStatus
{
    /// <summary>Changes that count, the first of them before the deadline.</summary>
    public const string OnTime = "on-time";

    /// <summary>Changes (or a declaration) that count only after the deadline.</summary>
    public const string Late = "late";

    /// <summary>Nothing that counts yet.</summary>
    public const string Missing = "missing";

    /// <summary>No changes, and "no change this month" declared before the deadline.</summary>
    public const string DeclaredNoChange = "declared-no-change";

    /// <summary>
    /// The standing from the earliest instant a change counted (null: none) and the instant of a
    /// declaration (null: none). Changes win over a declaration.
    /// </summary>
    public static string Decide(DateTimeOffset? firstCounted, DateTimeOffset? declaredAt, DateTimeOffset deadline)
    {
        if (firstCounted is { } counted)
        {
            return counted < deadline ? OnTime : Late;
        }

        if (declaredAt is { } declared)
        {
            return declared < deadline ? DeclaredNoChange : Late;
        }

        return Missing;
    }

    /// <summary>Board order: late first, then missing, then declared, then on time.</summary>
    public static int Rank(string status) => status switch
    {
        Late => 0,
        Missing => 1,
        DeclaredNoChange => 2,
        _ => 3,
    };
}
