namespace EnvGis.Ows.Dispatch;

/// <summary>
/// How much work one OGC request may ask for (docs/hardening.md, "Limits"). Checked while parsing,
/// before anything runs, so an over-limit request is answered at once with an exception report.
/// </summary>
public static class RequestLimits
{
    /// <summary>Queries (wfs:Query, wfs:StoredQuery, or KVP type names) in one GetFeature or GetPropertyValue.</summary>
    public const int MaxQueries = 20;

    /// <summary>XML elements in one GetFeature or GetPropertyValue (filters included).</summary>
    public const int MaxQueryElements = 10_000;

    /// <summary>Actions (Insert, Update, Delete, Replace, Native) in one Transaction.</summary>
    public const int MaxTransactionActions = 1_000;

    /// <summary>Refuses a list of <paramref name="count"/> things when over <paramref name="max"/>.</summary>
    public static void Check(int count, int max, string what, string locator)
    {
        if (count > max)
        {
            throw OwsException.Invalid(locator, $"The request has more than {max} {what}; split it into several requests.");
        }
    }
}
