using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Core.Values;
using EnvGis.Ows.Filters.Cql2;
using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.OgcApi.Items;

/// <summary>
/// The parameters of an <see cref="ItemsRequest"/> as one filter of the shared tree (docs/filters.md):
/// bbox → BBOX, datetime → T_INTERSECTS on the validity period, filter → CQL2 text or JSON, and each
/// property filter → equality; all of them must hold. Turned into SQL by EnvGis.Data.Filters.FilterSql.
/// </summary>
public static class ItemsFilter
{
    public static FilterNode? Build(LayerDefinition layer, ItemsRequest request)
    {
        var parts = new List<FilterNode>();
        if (request.Bbox is { } bbox)
        {
            parts.Add(Attributed("bbox", () => new SpatialNode(SpatialOperator.BBOX, null, new Cql2Geometries(request.BboxCrs).FromBbox(bbox))));
        }

        if (request.Datetime is { } datetime)
        {
            parts.Add(Attributed("datetime", () => Datetime(datetime)));
        }

        if (request.Filter is { } filter)
        {
            var geometries = new Cql2Geometries(request.FilterCrs);
            parts.Add(Attributed("filter", () => request.FilterLanguage == ItemsRequest.Cql2Json
                ? new Cql2JsonParser(geometries).Parse(filter)
                : new Cql2TextParser(geometries, legacy: request.FilterLanguage == ItemsRequest.CqlText).Parse(filter)));
        }

        foreach (var (name, value) in request.PropertyFilters)
        {
            var column = PublicColumns.Find(layer, name)!;
            Attributed(name, () =>
            {
                try
                {
                    TypedValues.ParseComparable(value, column.Type);
                    return null!;
                }
                catch (FormatException e)
                {
                    throw new FilterException(e.Message);
                }
            });
            parts.Add(new ComparisonNode(ComparisonOperator.EqualTo, new PropertyReference(name), new TextLiteral(value)));
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new AndNode(parts),
        };
    }

    /// <summary>
    /// datetime (OGC API Features /req/core/fc-time-response): an instant or an interval start/end with
    /// <c>..</c> (or nothing) for an open end; it selects the records whose validity period meets it.
    /// </summary>
    public static FilterNode Datetime(string text)
    {
        var validity = new PropertyReference(PublicColumns.ValidityPeriod);
        var parts = text.Split('/');
        if (parts.Length > 2)
        {
            throw new FilterException("datetime is an instant or an interval start/end.");
        }

        if (parts.Length == 1)
        {
            return new TemporalNode(TemporalOperator.Intersects, validity, End(parts[0], open: false));
        }

        var start = End(parts[0], open: true);
        var end = End(parts[1], open: true);
        if (start is not OpenBound && end is not OpenBound && FilterValues.Compare(Value(start), Value(end)) > 0)
        {
            throw new FilterException("The datetime interval ends before it starts.");
        }

        return new TemporalNode(TemporalOperator.Intersects, validity, new IntervalExpression(start, end));
    }

    private static Expression End(string text, bool open)
    {
        var trimmed = text.Trim();
        if (open && trimmed is ".." or "")
        {
            return OpenBound.Instance;
        }

        // The validity period is made of local days: an instant is the Việt Nam day it falls on (docs/filters.md).
        try
        {
            return CityTime.ParseDateOrInstant(trimmed) switch
            {
                DateOnly day => new DateLiteral(day),
                DateTimeOffset instant => new DateLiteral(CityTime.DayOf(instant, trimmed)),
                _ => throw new FilterException("datetime needs dates or date-times."),
            };
        }
        catch (FormatException e)
        {
            throw new FilterException(e.Message);
        }
    }

    private static object Value(Expression end) => end is DateLiteral d ? d.Value : ((TimestampLiteral)end).Value;

    /// <summary>Runs <paramref name="build"/>, reporting its refusal against <paramref name="parameter"/>.</summary>
    private static FilterNode Attributed(string parameter, Func<FilterNode> build)
    {
        try
        {
            return build();
        }
        catch (FilterException e)
        {
            throw OgcApiException.Invalid(parameter, e.Message, e.Code);
        }
    }
}
