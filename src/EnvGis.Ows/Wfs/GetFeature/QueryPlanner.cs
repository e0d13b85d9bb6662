using EnvGis.Data.Features;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Core.Filters;
using EnvGis.Ows.Filters;

namespace EnvGis.Ows.Wfs.GetFeature;

/// <summary>Resolves a parsed request against the catalogue: types, projection, sort keys and the filter SQL.</summary>
public static class QueryPlanner
{
    public static List<QueryPlan> Plan(OwsCall call, GetFeatureRequest request)
    {
        var plans = new List<QueryPlan>();
        foreach (var query in request.Queries)
        {
            foreach (var typeName in query.TypeNames)
            {
                var type = FeatureTypeResolver.Resolve(call, typeName, "typeNames");
                var output = Output(type, query.PropertyNames, request.ValueReference);
                var crs = query.SrsName ?? (call.Version == WfsVersions.V100
                    ? CrsReference.Parse("EPSG:4326", "srsName", forceXy: true)
                    : request.Format.IsJson ? CrsReference.Parse("EPSG:4326", "srsName") : CrsReference.Default);
                var hasGeometry = output.Any(p => p.IsGeometry);
                var geometry = !hasGeometry ? GeometryOutput.None
                    : new GeometryOutput(request.Format.IsJson ? GeometryEncoding.GeoJson : GeometryEncoding.Geometry, crs.Srid, crs.System.Decimals);
                var filter = FesSql.Generate(type, query.Filter);
                if (request.ValueReference is not null)
                {
                    // GetPropertyValue lists values: records without one have nothing to list.
                    var property = output.Single();
                    filter = filter with { Sql = $"({filter.Sql}) AND r.{Data.Sql.SqlIdentifier.Quote(property.Name)} IS NOT NULL" };
                }

                var sort = query.SortBy.Select(k => Sort(type, k)).ToList();
                var columns = output.Where(p => !p.IsGeometry).Select(p => new FeatureColumn(p.Name, p.Type)).ToList();
                plans.Add(new QueryPlan(type, new FeatureQuery(type.Layer, call.Scope, columns, geometry, filter, sort, 0, null), crs, output));
            }
        }

        return plans;
    }

    private static List<FeatureProperty> Output(FeatureType type, IReadOnlyList<string>? names, string? valueReference)
    {
        if (valueReference is not null)
        {
            return [type.Find(valueReference) ?? throw OwsException.Invalid("valueReference",
                $"The feature type {type.QualifiedName} has no property '{valueReference}'.")];
        }

        if (names is null || names.Count == 0 || names.Any(n => n == "*"))
        {
            return type.Properties.ToList();
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var property = type.Find(name) ?? throw OwsException.Invalid("propertyName",
                $"The feature type {type.QualifiedName} has no property '{name}'.");
            wanted.Add(property.Name);
        }

        // Mandatory properties are always written, so the output stays valid against DescribeFeatureType.
        return type.Properties.Where(p => p.Required || wanted.Contains(p.Name)).ToList();
    }

    private static FeatureSortKey Sort(FeatureType type, SortKey key)
    {
        var property = type.Find(key.Property) ?? (key.Property is "id" or "@gml:id" ? null
            : throw OwsException.Invalid("sortBy", $"The feature type {type.QualifiedName} has no property '{key.Property}'."));
        if (property is { IsGeometry: true })
        {
            throw OwsException.Invalid("sortBy", "Features cannot be sorted by their geometry.");
        }

        return new FeatureSortKey(property?.Name ?? "id", key.Descending);
    }
}
