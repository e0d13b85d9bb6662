using System.Globalization;
using EnvGis.Core.Catalogue;
using EnvGis.Ows.Crs;
using EnvGis.Ows.OgcApi.Common;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.OgcApi.Items;

/// <summary>
/// The query parameters that select features of a collection (OGC API Features Parts 1–3), parsed and
/// checked: limit, offset, bbox (+ bbox-crs), datetime, filter (+ filter-lang, filter-crs), crs, and
/// property filters (a public column name = a value). Downloads take the same parameters.
/// </summary>
public sealed record ItemsRequest(
    int Limit,
    long Offset,
    IReadOnlyList<double>? Bbox,
    CrsReference BboxCrs,
    string? Datetime,
    string? Filter,
    string FilterLanguage,
    CrsReference FilterCrs,
    IReadOnlyDictionary<string, string> PropertyFilters,
    CrsReference Crs)
{
    public const string Cql2Text = "cql2-text";
    public const string Cql2Json = "cql2-json";

    /// <summary>The pre-standard CQL text GDAL 3.6 sends (read by the CQL2 text parser in its lenient mode).</summary>
    public const string CqlText = "cql-text";

    /// <summary>The parameters of the items resource besides the property filters.</summary>
    public static IReadOnlySet<string> Parameters { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "limit", "offset", "bbox", "bbox-crs", "datetime", "filter", "filter-lang", "filter-crs", "crs",
    };

    public static ItemsRequest Parse(IQueryCollection query, LayerDefinition layer, OgcApiOptions options)
    {
        var limit = Integer(query, "limit", options.DefaultLimit, 1, options.MaxLimit);
        var offset = Integer(query, "offset", 0, 0, long.MaxValue);
        var bboxCrs = OgcCrs.Parse(Single(query, "bbox-crs"), "bbox-crs");
        var bbox = Single(query, "bbox") is { } box ? ParseBbox(box) : null;
        if (bbox is null && query.ContainsKey("bbox-crs"))
        {
            throw OgcApiException.Invalid("bbox-crs", "bbox-crs needs a bbox.");
        }

        var language = (Single(query, "filter-lang") ?? Cql2Text).Trim();
        if (language is not (Cql2Text or Cql2Json or CqlText))
        {
            throw OgcApiException.Invalid("filter-lang", $"filter-lang is {Cql2Text} or {Cql2Json}.");
        }

        var filter = Single(query, "filter");
        if (filter is null && (query.ContainsKey("filter-lang") || query.ContainsKey("filter-crs")))
        {
            throw OgcApiException.Invalid("filter", "filter-lang and filter-crs need a filter.");
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, _) in query)
        {
            if (!Parameters.Contains(key) && PublicColumns.Find(layer, key) is not null)
            {
                properties[key] = Single(query, key)!;
            }
        }

        return new ItemsRequest(
            (int)limit,
            offset,
            bbox,
            bboxCrs,
            Single(query, "datetime"),
            filter,
            language,
            OgcCrs.Parse(Single(query, "filter-crs"), "filter-crs"),
            properties,
            OgcCrs.Parse(Single(query, "crs"), "crs"));
    }

    /// <summary>Whether a query key is a property filter of the layer (so it is an allowed parameter).</summary>
    public static bool IsPropertyFilter(LayerDefinition layer, string key) => PublicColumns.Find(layer, key) is not null;

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw OgcApiException.Invalid(name, $"'{name}' is given more than once.");
    }

    private static long Integer(IQueryCollection query, string name, long fallback, long min, long max)
    {
        if (Single(query, name) is not { } text)
        {
            return fallback;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw OgcApiException.Invalid(name, $"{name} is an integer of at least {min}.");
        }

        return value <= max ? value : throw OgcApiException.Invalid(name, $"{name} may be at most {max}.", "limit-too-large");
    }

    private static double[] ParseBbox(string text)
    {
        var parts = text.Split(',');
        var numbers = parts.Select(p => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
            ? n
            : throw OgcApiException.Invalid("bbox", "bbox is 4 (or 6) comma-separated numbers.")).ToArray();
        return numbers.Length is 4 or 6 ? numbers : throw OgcApiException.Invalid("bbox", "bbox is 4 (or 6) comma-separated numbers.");
    }
}
