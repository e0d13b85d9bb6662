using System.Globalization;
using System.Text.RegularExpressions;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Core.Filters;

namespace EnvGis.Ows.Wfs.GetFeature;

/// <summary>Shared pieces of KVP and XML query parsing: numbers, sort keys, CRS, stored query ids.</summary>
public static partial class QueryParsing
{
    public const string GetFeatureById = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    public static long? NonNegative(string? value, string locator)
    {
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw OwsException.Invalid(locator, $"'{value}' is not a non-negative integer.");
    }

    public static ResultType Result(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "results" => ResultType.Results,
        "hits" => ResultType.Hits,
        _ => throw OwsException.Invalid("resultType", $"resultType is 'results' or 'hits', not '{value}'."),
    };

    /// <summary>SORTBY=name ASC,area DESC (also name+A / name D as WFS 1.1 clients write it).</summary>
    public static List<SortKey> SortBy(string value)
    {
        var keys = new List<SortKey>();
        foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries);
            var descending = parts.Length switch
            {
                1 => false,
                2 => Direction(parts[1]),
                _ => throw OwsException.Invalid("sortBy", $"'{item}' is not a sort key (property [ASC|DESC])."),
            };
            keys.Add(new SortKey(parts[0], descending));
        }

        return keys;
    }

    public static bool Direction(string value) => value.Trim().ToUpperInvariant() switch
    {
        "ASC" or "A" => false,
        "DESC" or "D" => true,
        _ => throw OwsException.Invalid("sortBy", $"The sort order is ASC or DESC, not '{value}'."),
    };

    public static CrsReference? Crs(string? value, string version) =>
        value is null ? null : CrsReference.Parse(value, "srsName", forceXy: version == WfsVersions.V100);

    /// <summary>The CRS filter geometries without srsName are in: the query's srsName, else the default (x/y in WFS 1.0).</summary>
    public static CrsReference FilterDefault(CrsReference? srsName, string version) =>
        srsName ?? (version == WfsVersions.V100 ? CrsReference.Parse("EPSG:4326", "srsName", forceXy: true) : CrsReference.Default);

    public static bool IsGetFeatureById(string id) =>
        string.Equals(id.Trim(), GetFeatureById, StringComparison.OrdinalIgnoreCase)
        || string.Equals(id.Trim(), "GetFeatureById", StringComparison.OrdinalIgnoreCase);

    /// <summary>A KVP list of per-query groups: "(a,b)(c)" → [[a,b],[c]]; "a,b" → [[a,b]].</summary>
    public static List<string> Groups(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.StartsWith('('))
        {
            return [trimmed];
        }

        var groups = GroupPattern().Matches(trimmed).Select(m => m.Groups[1].Value).ToList();
        return groups.Count > 0 ? groups : throw OwsException.Invalid("typeNames", $"'{value}' is not a list of parenthesised groups.");
    }

    /// <summary>FILTER=(&lt;Filter&gt;…&lt;/Filter&gt;)(&lt;Filter&gt;…&lt;/Filter&gt;) → one filter text per query.</summary>
    public static List<string> FilterGroups(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.StartsWith('('))
        {
            return [trimmed];
        }

        var parts = FilterSplit().Split(trimmed[1..^1]);
        return parts.ToList();
    }

    public static FilterNode? And(params FilterNode?[] nodes)
    {
        var present = nodes.Where(n => n is not null).Cast<FilterNode>().ToList();
        return present.Count switch
        {
            0 => null,
            1 => present[0],
            _ => new AndNode(present),
        };
    }

    [GeneratedRegex(@"\(([^()]*)\)")]
    private static partial Regex GroupPattern();

    [GeneratedRegex(@"(?<=>)\s*\)\s*\(\s*(?=<)")]
    private static partial Regex FilterSplit();
}
