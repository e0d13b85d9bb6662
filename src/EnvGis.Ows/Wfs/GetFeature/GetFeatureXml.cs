using System.Xml.Linq;
using EnvGis.Ows.Dispatch;
using EnvGis.Core.Filters;
using EnvGis.Ows.Filters;

namespace EnvGis.Ows.Wfs.GetFeature;

/// <summary>Parses an XML GetFeature / GetPropertyValue (wfs:Query with fes/ogc Filter, SortBy, PropertyName; wfs:StoredQuery).</summary>
public static class GetFeatureXml
{
    public static GetFeatureRequest Parse(XElement root, string version, bool propertyValue = false)
    {
        var format = OutputFormat.Parse(root.Attribute("outputFormat")?.Value, version);
        var count = QueryParsing.NonNegative((root.Attribute("count") ?? root.Attribute("maxFeatures"))?.Value, "count");
        var start = QueryParsing.NonNegative(root.Attribute("startIndex")?.Value, "startIndex") ?? 0;
        var resultType = QueryParsing.Result(root.Attribute("resultType")?.Value);
        var valueReference = propertyValue
            ? root.Attribute("valueReference")?.Value ?? throw OwsException.Missing("valueReference")
            : null;
        RequestLimits.Check(root.Elements().Count(), RequestLimits.MaxQueries, "queries", "Query");
        RequestLimits.Check(root.DescendantsAndSelf().Take(RequestLimits.MaxQueryElements + 1).Count(), RequestLimits.MaxQueryElements,
            "XML elements", "request");
        var queries = new List<QueryExpression>();
        var byId = false;
        foreach (var element in root.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "Query":
                    queries.Add(Query(element, version));
                    break;
                case "StoredQuery":
                {
                    var id = element.Attribute("id")?.Value ?? throw OwsException.Missing("StoredQuery id");
                    if (!QueryParsing.IsGetFeatureById(id))
                    {
                        throw OwsException.Invalid("storedQuery_Id", $"There is no stored query '{id}'.");
                    }

                    var featureId = element.Elements().FirstOrDefault(p => p.Name.LocalName == "Parameter"
                        && string.Equals(p.Attribute("name")?.Value, "ID", StringComparison.OrdinalIgnoreCase))?.Value.Trim()
                        ?? throw OwsException.Missing("ID");
                    queries.Add(new QueryExpression([GetFeatureKvp.TypeOfId(featureId, "ID")], new ResourceIdNode([featureId]), [], null, null));
                    byId = true;
                    break;
                }

                default:
                    throw OwsException.Parsing(element.Name.LocalName, $"'{element.Name.LocalName}' is not a query expression.");
            }
        }

        if (queries.Count == 0)
        {
            throw OwsException.Missing("Query");
        }

        return new GetFeatureRequest(queries, byId ? 1 : count, byId ? 0 : start, resultType, format, byId && queries.Count == 1, valueReference);
    }

    private static QueryExpression Query(XElement query, string version)
    {
        var names = (query.Attribute("typeNames") ?? query.Attribute("typeName"))?.Value
            ?? throw OwsException.Missing("typeNames");
        var typeNames = names.Split([' ', ',', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (typeNames.Length != 1)
        {
            throw new OwsException(OwsException.OptionNotSupported, "Joins (several types in one query) are not supported.", "typeNames");
        }

        var srsName = QueryParsing.Crs(query.Attribute("srsName")?.Value, version);
        FilterNode? filter = null;
        var sortBy = new List<SortKey>();
        List<string>? properties = null;
        foreach (var child in query.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "Filter":
                    filter = new FesParser(QueryParsing.FilterDefault(srsName, version), version == WfsVersions.V100).Parse(child);
                    break;
                case "SortBy":
                    foreach (var key in child.Elements().Where(e => e.Name.LocalName == "SortProperty"))
                    {
                        var property = key.Elements().FirstOrDefault(e => e.Name.LocalName is "ValueReference" or "PropertyName")?.Value.Trim()
                            ?? throw OwsException.Invalid("sortBy", "A SortProperty needs a ValueReference.");
                        var order = key.Elements().FirstOrDefault(e => e.Name.LocalName == "SortOrder")?.Value;
                        sortBy.Add(new SortKey(property, order is not null && QueryParsing.Direction(order)));
                    }

                    break;
                case "PropertyName":
                    (properties ??= []).Add(child.Value.Trim());
                    break;
                default:
                    throw OwsException.Parsing(child.Name.LocalName, $"'{child.Name.LocalName}' is not allowed in a Query.");
            }
        }

        return new QueryExpression(typeNames, filter, sortBy, properties, srsName);
    }
}
