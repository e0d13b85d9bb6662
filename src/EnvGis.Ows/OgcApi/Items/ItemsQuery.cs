using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Features;
using EnvGis.Data.Filters;
using EnvGis.Ows.Crs;
using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.OgcApi.Items;

/// <summary>
/// The store query of a collection's items: the layer's public columns, the geometry as GeoJSON in the
/// asked CRS (in that CRS's axis order, OGC API Part 2), the filter from <see cref="ItemsFilter"/>
/// through the one SQL generator, ordered by id. Visibility is applied by the store, whatever the filter.
/// </summary>
public static class ItemsQuery
{
    public static FeatureQuery Build(LayerDefinition layer, ReadScope scope, FilterNode? filter, CrsReference crs, long offset, long? limit,
        bool withVersion = false)
    {
        SqlCondition condition;
        try
        {
            condition = FilterSql.Generate(layer, filter);
        }
        catch (FilterException e)
        {
            throw OgcApiException.Invalid(e.Locator == FilterException.DefaultLocator ? "filter" : e.Locator, e.Message, e.Code);
        }

        var columns = Columns(layer, withVersion);
        var geometry = new GeometryOutput(GeometryEncoding.GeoJson, crs.Srid, crs.System.Decimals) { LatLon = crs.LatLon };
        return new FeatureQuery(layer, scope, columns, geometry, condition, [], offset, limit);
    }

    /// <summary>The public columns, and the version (for ETags) when asked: it is read but not written as a property.</summary>
    public static IReadOnlyList<FeatureColumn> Columns(LayerDefinition layer, bool withVersion)
    {
        var columns = PublicColumns.Of(layer).Select(c => new FeatureColumn(c.Name, c.Type)).ToList();
        if (withVersion)
        {
            columns.Add(new FeatureColumn(RecordMetadata.Version, AttributeType.Integer));
        }

        return columns;
    }
}
