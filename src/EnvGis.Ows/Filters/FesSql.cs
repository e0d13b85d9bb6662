using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Data.Features;
using EnvGis.Data.Filters;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;

namespace EnvGis.Ows.Filters;

/// <summary>
/// The SQL of a WFS filter: the shared generator (<see cref="FilterSql"/>) with the WFS way of naming
/// properties (<c>name</c>, <c>envgis:name</c>, <c>envgis:layer/envgis:name</c>), its refusals as
/// OGC exceptions with the <c>filter</c> locator.
/// </summary>
public static class FesSql
{
    public static SqlCondition Generate(FeatureType type, FilterNode? filter)
    {
        try
        {
            return FilterSql.Generate(type.Layer, filter, name => type.Find(name)?.Name
                ?? (FeatureType.LocalName(name) == PublicColumns.ValidityPeriod ? PublicColumns.ValidityPeriod : null));
        }
        catch (FilterException e)
        {
            throw new OwsException(OwsException.InvalidParameterValue, e.Message, e.Locator);
        }
    }
}
