using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Core.Values;
using EnvGis.Data.Features;
using EnvGis.Data.Filters;
using EnvGis.Ows.Dispatch;

namespace EnvGis.Ows.Wms.Requests;

/// <summary>
/// The TIME dimension of a request (WMS 1.3.0 Annex C / 1.1.1 Annex C) over the records' validity
/// period, by the one time rule (docs/filters.md): an instant selects the records valid on that local
/// day, a range <c>start/end[/resolution]</c> those valid at some time in it, a comma-separated list the
/// union; a missing validity bound is open. Reduced precision (<c>2024</c>, <c>2024-05</c>) is the
/// whole year or month; a date-time is the Việt Nam day it falls on (no zone: Việt Nam time);
/// <c>current</c> is today. It becomes <c>T_INTERSECTS(validity, …)</c> in the shared filter tree.
/// </summary>
public sealed record TimeFilter(IReadOnlyList<(DateOnly Start, DateOnly End)> Intervals, bool UsesToday)
{
    public const string Parameter = "TIME";
    public const int MaxValues = 100;

    /// <summary>The TIME of the request: null when absent; a present but empty TIME is MissingDimensionValue.</summary>
    public static TimeFilter? FromRequest(KeyValueParameters parameters, DateTimeOffset now)
    {
        if (!parameters.Has(Parameter))
        {
            return null;
        }

        var value = parameters.Get(Parameter)
            ?? throw new OwsException(WmsExceptionCodes.MissingDimensionValue,
                "The TIME parameter has no value; give a date (2024-05-01), a period (2024-01-01/2024-12-31), a list, or current.", Parameter);
        return Parse(value, now);
    }

    public static TimeFilter Parse(string value, DateTimeOffset now)
    {
        var items = value.Split(',', StringSplitOptions.TrimEntries);
        if (items.Length > MaxValues)
        {
            throw Invalid(value, $"at most {MaxValues} values may be listed");
        }

        var usesToday = false;
        var intervals = new List<(DateOnly, DateOnly)>();
        foreach (var item in items)
        {
            var bounds = item.Split('/', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 3 || bounds.Any(b => b.Length == 0))
            {
                throw Invalid(value, $"'{item}' is neither an instant nor a period start/end[/resolution]");
            }

            var (startFirst, startLast) = Days(bounds[0], value, now, ref usesToday);
            if (bounds.Length == 1)
            {
                intervals.Add((startFirst, startLast));
                continue;
            }

            var (_, endLast) = Days(bounds[1], value, now, ref usesToday);
            if (endLast < startFirst)
            {
                throw Invalid(value, $"the period '{item}' ends before it starts");
            }

            intervals.Add((startFirst, endLast));
        }

        return new TimeFilter(intervals, usesToday);
    }

    /// <summary>The filter: the validity period meets one of the intervals.</summary>
    public FilterNode Filter
    {
        get
        {
            var validity = new PropertyReference(PublicColumns.ValidityPeriod);
            var terms = Intervals
                .Select(i => (FilterNode)new TemporalNode(TemporalOperator.Intersects, validity,
                    new IntervalExpression(new DateLiteral(i.Start), new DateLiteral(i.End))))
                .ToList();
            return terms.Count == 1 ? terms[0] : new OrNode(terms);
        }
    }

    /// <summary>The SQL of a request's TIME for one layer (TRUE without TIME), from the shared filter SQL.</summary>
    public static SqlCondition Sql(TimeFilter? time, LayerDefinition layer) =>
        time is null ? SqlCondition.True : FilterSql.Generate(layer, time.Filter, prefix: "time_");

    /// <summary>The text that identifies the filter in a cache key (today's date when "current" was used).</summary>
    public string CacheKey => string.Join(",", Intervals.Select(i => $"{i.Start:yyyy-MM-dd}/{i.End:yyyy-MM-dd}"));

    private static (DateOnly First, DateOnly Last) Days(string text, string whole, DateTimeOffset now, ref bool usesToday)
    {
        if (text.ToLowerInvariant() is "current" or "present" or "now")
        {
            usesToday = true;
            var today = CityTime.Today(now);
            return (today, today);
        }

        try
        {
            return CityTime.ParseDays(text);
        }
        catch (FormatException e)
        {
            throw Invalid(whole, e.Message.TrimEnd('.'));
        }
    }

    private static OwsException Invalid(string value, string why) =>
        new(WmsExceptionCodes.InvalidDimensionValue, $"The TIME value '{(value.Length > 200 ? value[..200] + "…" : value)}' cannot be used: {why}.", Parameter);
}
