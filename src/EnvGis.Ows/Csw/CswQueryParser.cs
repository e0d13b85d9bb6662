using System.Globalization;
using System.Xml.Linq;
using EnvGis.Core.Filters;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Filters;
using EnvGis.Ows.Filters.Cql2;

namespace EnvGis.Ows.Csw;

/// <summary>
/// Reads GetRecords from KVP or XML (CSW 2.0.2 §10.8) into a <see cref="CswQuery"/>: the constraint
/// through the shared filter parsers (OGC Filter 1.1 via <see cref="FesParser"/>, CQL text via the CQL2
/// parser in its lenient mode), every property it names checked against the queryables. Anything
/// wrong is an OWS exception with its locator; nothing is guessed.
/// </summary>
public static class CswQueryParser
{
    public const int DefaultMaxRecords = 10;
    public const int MaxMaxRecords = 1000;

    public static CswQuery Parse(OwsRequest request) => request.Body is { } body ? FromXml(body) : FromKvp(request.Parameters);

    private static CswQuery FromKvp(KeyValueParameters kvp)
    {
        var typeName = TypeName(kvp.Get("typenames", "typename"));
        var constraint = kvp.Get("constraint");
        FilterNode? filter = null;
        if (constraint is not null)
        {
            var language = kvp.Get("constraintlanguage") ?? throw OwsException.Missing("constraintLanguage");
            filter = language.Trim().ToUpperInvariant() switch
            {
                CswNames.CqlLanguage => Cql(constraint),
                CswNames.FilterLanguage => Fes(() => new FesParser(CrsReference.Default).Parse(constraint)),
                _ => throw OwsException.Invalid("constraintLanguage", $"constraintLanguage is {CswNames.FilterLanguage} or {CswNames.CqlLanguage}."),
            };
        }
        else if (kvp.Has("constraintlanguage"))
        {
            throw OwsException.Missing("constraint");
        }

        if (kvp.Has("elementname"))
        {
            throw new OwsException(OwsException.OptionNotSupported, "ElementName is not supported; use ElementSetName (brief, summary, full).", "ElementName");
        }

        var (sortBy, descending) = SortFromKvp(kvp.Get("sortby"));
        return new CswQuery(typeName, OutputSchema(kvp.Get("outputschema")), ElementSet(kvp.Get("elementsetname")), Hits(kvp.Get("resulttype")),
            Number(kvp.Get("startposition"), "startPosition", 1, 1, int.MaxValue), Number(kvp.Get("maxrecords"), "maxRecords", DefaultMaxRecords, 0, MaxMaxRecords),
            filter, sortBy, descending);
    }

    private static CswQuery FromXml(XElement root)
    {
        if (root.Name != XName.Get("GetRecords", CswNames.Csw))
        {
            throw OwsException.Parsing("request", $"Expected csw:GetRecords, found '{root.Name.LocalName}'.");
        }

        var query = root.Element(XName.Get("Query", CswNames.Csw)) ?? throw OwsException.Missing("Query");
        var typeName = TypeName(query.Attribute("typeNames")?.Value);
        if (query.Element(XName.Get("ElementName", CswNames.Csw)) is not null)
        {
            throw new OwsException(OwsException.OptionNotSupported, "ElementName is not supported; use ElementSetName (brief, summary, full).", "ElementName");
        }

        FilterNode? filter = null;
        if (query.Element(XName.Get("Constraint", CswNames.Csw)) is { } constraint)
        {
            var fes = constraint.Elements().FirstOrDefault(e => e.Name.LocalName == "Filter");
            var cql = constraint.Element(XName.Get("CqlText", CswNames.Csw));
            filter = fes is not null ? Fes(() => new FesParser(CrsReference.Default).Parse(fes))
                : cql is not null ? Cql(cql.Value)
                : throw OwsException.Invalid("Constraint", "A Constraint holds an ogc:Filter or a csw:CqlText.");
        }

        string? sortBy = null;
        var descending = false;
        if (query.Elements().FirstOrDefault(e => e.Name.LocalName == "SortBy") is { } sort)
        {
            var property = sort.Descendants().FirstOrDefault(e => e.Name.LocalName == "PropertyName")?.Value;
            var order = sort.Descendants().FirstOrDefault(e => e.Name.LocalName == "SortOrder")?.Value;
            (sortBy, descending) = Sort(property, order);
        }

        return new CswQuery(typeName, OutputSchema(root.Attribute("outputSchema")?.Value),
            ElementSet(query.Element(XName.Get("ElementSetName", CswNames.Csw))?.Value), Hits(root.Attribute("resultType")?.Value),
            Number(root.Attribute("startPosition")?.Value, "startPosition", 1, 1, int.MaxValue),
            Number(root.Attribute("maxRecords")?.Value, "maxRecords", DefaultMaxRecords, 0, MaxMaxRecords), filter, sortBy, descending);
    }

    public static string OutputSchema(string? value) =>
        value is null ? CswNames.DublinCore
        : CswNames.OutputSchemas.FirstOrDefault(s => s == value.Trim())
          ?? throw OwsException.Invalid("outputSchema", $"outputSchema is one of: {string.Join(", ", CswNames.OutputSchemas)}.");

    public static string ElementSet(string? value) =>
        value is null ? "summary"
        : CswNames.ElementSets.FirstOrDefault(s => s == value.Trim().ToLowerInvariant())
          ?? throw OwsException.Invalid("ElementSetName", "ElementSetName is brief, summary or full.");

    private static string TypeName(string? value)
    {
        if (value is null)
        {
            return CswNames.RecordType;
        }

        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var known = names.Select(n => n.Contains(':') ? n : "csw:" + n).ToList();
        return known.Count > 0 && known.All(CswNames.TypeNames.Contains)
            ? known[0]
            : throw OwsException.Invalid("typeNames", $"typeNames is one of: {string.Join(", ", CswNames.TypeNames)}.");
    }

    private static bool Hits(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "results" => false,
        "hits" => true,
        _ => throw OwsException.Invalid("resultType", "resultType is results or hits."),
    };

    private static int Number(string? value, string name, int fallback, int min, int max)
    {
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min
            ? Math.Min(number, max)
            : throw OwsException.Invalid(name, $"{name} is a whole number from {min}.");
    }

    private static (string? Property, bool Descending) SortFromKvp(string? value)
    {
        if (value is null)
        {
            return (null, false);
        }

        var parts = value.Split(':');
        return Sort(parts[0], parts.Length > 1 ? parts[1] : null);
    }

    private static (string? Property, bool Descending) Sort(string? property, string? order)
    {
        var name = property?.Trim();
        if (name is null || !CswRecord.IsQueryable(name) || CswRecord.IsSpatial(name))
        {
            throw OwsException.Invalid("SortBy", "SortBy names a queryable such as dc:title, dc:identifier or dct:modified.");
        }

        return order?.Trim().ToUpperInvariant() switch
        {
            null or "" or "A" or "ASC" => (name, false),
            "D" or "DESC" => (name, true),
            _ => throw OwsException.Invalid("SortBy", "The sort order is ASC or DESC."),
        };
    }

    private static FilterNode Cql(string text) => Fes(() => new Cql2TextParser(new Cql2Geometries(CrsReference.Default), legacy: true).Parse(text));

    /// <summary>Parses with the shared parser, then checks every property named is a queryable.</summary>
    private static FilterNode Fes(Func<FilterNode> parse)
    {
        FilterNode filter;
        try
        {
            filter = parse();
        }
        catch (FilterException e)
        {
            throw OwsException.Invalid("Constraint", e.Message);
        }
        catch (OwsException e)
        {
            // OWS 1.0 (CSW 2.0.2) has no OperationParsingFailed: a constraint that cannot be read is an invalid value.
            throw OwsException.Invalid("Constraint", e.Message);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        FilterProperties.Collect(filter, names);
        var unknown = names.FirstOrDefault(n => !CswRecord.IsQueryable(n));
        return unknown is null
            ? filter
            : throw OwsException.Invalid("Constraint", $"'{(unknown.Length > 60 ? unknown[..60] + "…" : unknown)}' is not a queryable; use one of: {string.Join(", ", CswNames.Queryables)}.");
    }
}
