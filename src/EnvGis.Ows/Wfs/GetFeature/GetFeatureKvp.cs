using System.Globalization;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Core.Filters;
using EnvGis.Ows.Filters;
using EnvGis.Ows.Gml;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Wfs.GetFeature;

/// <summary>Parses GetFeature / GetPropertyValue from KVP (WFS 2.0 names, and the 1.x ones: TYPENAME, MAXFEATURES, FEATUREID).</summary>
public static class GetFeatureKvp
{
    public static GetFeatureRequest Parse(KeyValueParameters kvp, string version, bool propertyValue = false)
    {
        var format = OutputFormat.Parse(kvp.Get("outputformat"), version);
        var count = QueryParsing.NonNegative(kvp.Get("count", "maxfeatures"), "count");
        var start = QueryParsing.NonNegative(kvp.Get("startindex"), "startIndex") ?? 0;
        var resultType = QueryParsing.Result(kvp.Get("resulttype"));
        var srsName = QueryParsing.Crs(kvp.Get("srsname"), version);
        var sortBy = kvp.Get("sortby") is { } sort ? QueryParsing.SortBy(sort) : [];
        var valueReference = propertyValue ? kvp.Get("valuereference") ?? throw OwsException.Missing("valueReference") : null;
        var propertyGroups = kvp.Get("propertyname") is { } names ? QueryParsing.Groups(names) : null;

        if (kvp.Get("storedquery_id") is { } storedQuery)
        {
            if (!QueryParsing.IsGetFeatureById(storedQuery))
            {
                throw OwsException.Invalid("storedQuery_Id", $"There is no stored query '{storedQuery}'.");
            }

            var id = kvp.Get("id") ?? throw OwsException.Missing("ID");
            var query = new QueryExpression([TypeOfId(id, "ID")], new ResourceIdNode([id]), [], Properties(propertyGroups, 0), srsName);
            return new GetFeatureRequest([query], 1, 0, ResultType.Results, format, true, valueReference);
        }

        var ids = kvp.Get("resourceid", "featureid") is { } idList ? FeatureTypeResolver.SplitList(idList) : null;
        var typeNames = kvp.Get("typenames", "typename");
        List<List<string>> typeGroups;
        if (typeNames is null)
        {
            // RESOURCEID alone: the types come from the ids.
            typeGroups = ids?.Select(i => TypeOfId(i, "resourceId")).Distinct(StringComparer.Ordinal).Select(t => new List<string> { t }).ToList()
                ?? throw OwsException.Missing("typeNames");
        }
        else if (typeNames.TrimStart().StartsWith('('))
        {
            typeGroups = QueryParsing.Groups(typeNames).Select(FeatureTypeResolver.SplitList).ToList();
            if (typeGroups.Any(g => g.Count != 1))
            {
                throw new OwsException(OwsException.OptionNotSupported, "Joins (several types in one query) are not supported.", "typeNames");
            }
        }
        else
        {
            typeGroups = FeatureTypeResolver.SplitList(typeNames).Select(t => new List<string> { t }).ToList();
        }

        RequestLimits.Check(typeGroups.Count, RequestLimits.MaxQueries, "queries", "typeNames");
        var filterCrs = QueryParsing.FilterDefault(srsName, version);
        var forceXy = version == WfsVersions.V100;
        List<FilterNode>? filters = null;
        if (kvp.Get("filter") is { } filterText)
        {
            if (kvp.Get("filter_language") is { } language && !language.Contains("fes", StringComparison.OrdinalIgnoreCase)
                && !language.Contains("filter", StringComparison.OrdinalIgnoreCase))
            {
                throw OwsException.Invalid("filter_language", $"The filter language '{language}' is not supported; use FES.");
            }

            var groups = QueryParsing.FilterGroups(filterText);
            RequestLimits.Check(groups.Count, RequestLimits.MaxQueries, "filters", "filter");
            filters = groups.Select(f => new FesParser(filterCrs, forceXy).Parse(f)).ToList();
            if (filters.Count != 1 && filters.Count != typeGroups.Count)
            {
                throw OwsException.Invalid("filter", $"There are {filters.Count} filters for {typeGroups.Count} queries.");
            }
        }

        var bbox = kvp.Get("bbox") is { } box ? Bbox(box, version, filterCrs) : null;
        var idFilter = ids is null ? null : new ResourceIdNode(ids);
        var queries = typeGroups.Select((group, i) => new QueryExpression(
            group,
            QueryParsing.And(filters is null ? null : filters[filters.Count == 1 ? 0 : i], bbox, idFilter),
            sortBy,
            Properties(propertyGroups, i),
            srsName)).ToList();
        return new GetFeatureRequest(queries, count, start, resultType, format, false, valueReference);
    }

    private static List<string>? Properties(List<string>? groups, int index) => groups switch
    {
        null => null,
        [var single] => FeatureTypeResolver.SplitList(single),
        _ => index < groups.Count ? FeatureTypeResolver.SplitList(groups[index])
            : throw OwsException.Invalid("propertyName", "There are fewer PROPERTYNAME groups than queries."),
    };

    /// <summary>The type name part of a feature id &lt;layer&gt;.&lt;id&gt;.</summary>
    public static string TypeOfId(string id, string locator)
    {
        var dot = id.LastIndexOf('.');
        return dot > 0 ? id[..dot] : throw OwsException.Invalid(locator, $"'{id}' is not a feature id of the form layer.id.");
    }

    /// <summary>BBOX=minx,miny,maxx,maxy[,crs]: in the axis order of the CRS (the default CRS when none is given).</summary>
    public static SpatialNode Bbox(string value, string version, CrsReference defaultCrs)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is not (4 or 5))
        {
            throw OwsException.Invalid("bbox", "BBOX is minx,miny,maxx,maxy with an optional CRS.");
        }

        var crs = parts.Length == 5 ? CrsReference.Parse(parts[4], "bbox", version == WfsVersions.V100) : defaultCrs;
        var numbers = parts.Take(4).Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
            ? n : throw OwsException.Invalid("bbox", $"'{p}' is not a number.")).ToArray();
        var (x1, y1, x2, y2) = crs.LatLon ? (numbers[1], numbers[0], numbers[3], numbers[2]) : (numbers[0], numbers[1], numbers[2], numbers[3]);
        if (x1 > x2 || y1 > y2)
        {
            throw OwsException.Invalid("bbox", "The BBOX minimum is above its maximum.");
        }

        var factory = new GeometryFactory(new PrecisionModel(), crs.Srid);
        Geometry envelope = x1 == x2 && y1 == y2 ? factory.CreatePoint(new Coordinate(x1, y1)) : factory.ToGeometry(new Envelope(x1, x2, y1, y2));
        envelope.SRID = crs.Srid;
        return new SpatialNode(SpatialOperator.BBOX, null, envelope);
    }
}
