namespace EnvGis.Core.Filters;

/// <summary>
/// A filter the system cannot accept (unknown property, type mismatch, unsupported construct, over a
/// limit), with the request part at fault. Each protocol reports it in its own form (OGC exception
/// report, OGC API problem details), always as a client error.
/// </summary>
public sealed class FilterException(string message, string locator = FilterException.DefaultLocator, string code = FilterException.InvalidCode)
    : Exception(message)
{
    public const string DefaultLocator = "filter";

    /// <summary>The filter is wrong (syntax, property, type, value).</summary>
    public const string InvalidCode = "invalid-filter";

    /// <summary>The filter is valid but uses something EnvGis does not offer (a function, arithmetic…).</summary>
    public const string NotSupportedCode = "filter-not-supported";

    public string Locator { get; } = locator;

    public string Code { get; } = code;

    public static FilterException NotSupported(string message, string locator = DefaultLocator) => new(message, locator, NotSupportedCode);
}
