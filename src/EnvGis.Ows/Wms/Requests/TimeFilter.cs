using System.Globalization;
using System.Text;
using EnvGis.Core.Records;
using EnvGis.Data.Sql;
using EnvGis.Ows.Dispatch;
using Npgsql;
using NpgsqlTypes;

namespace EnvGis.Ows.Wms.Requests;

/// <summary>
/// The TIME dimension of a request (WMS 1.3.0 Annex C / 1.1.1 Annex C) over the records' validity
/// period <c>valid_from</c>–<c>valid_to</c> (dates; a missing bound is open): an instant selects the
/// records valid on that day, a range <c>start/end[/resolution]</c> those valid at some time in it,
/// a comma-separated list the union. Reduced precision (<c>2024</c>, <c>2024-05</c>) is the whole
/// year or month; date-times with a zone are read in Việt Nam time; <c>current</c> is today.
/// </summary>
public sealed record TimeFilter(IReadOnlyList<(DateOnly Start, DateOnly End)> Intervals, bool UsesToday)
{
    public const string Parameter = "TIME";
    public const int MaxValues = 100;

    /// <summary>The TIME of the request: null when absent; a present but empty TIME is MissingDimensionValue.</summary>
    public static TimeFilter? FromRequest(KeyValueParameters parameters, TimeSpan localOffset, DateTimeOffset now)
    {
        if (!parameters.Has(Parameter))
        {
            return null;
        }

        var value = parameters.Get(Parameter)
            ?? throw new OwsException(WmsExceptionCodes.MissingDimensionValue,
                "The TIME parameter has no value; give a date (2024-05-01), a period (2024-01-01/2024-12-31), a list, or current.", Parameter);
        return Parse(value, localOffset, now);
    }

    public static TimeFilter Parse(string value, TimeSpan localOffset, DateTimeOffset now)
    {
        var items = value.Split(',', StringSplitOptions.TrimEntries);
        if (items.Length > MaxValues)
        {
            throw Invalid(value, $"at most {MaxValues} values may be listed");
        }

        var today = DateOnly.FromDateTime(now.ToOffset(localOffset).DateTime);
        var usesToday = false;
        var intervals = new List<(DateOnly, DateOnly)>();
        foreach (var item in items)
        {
            var bounds = item.Split('/', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 3 || bounds.Any(b => b.Length == 0))
            {
                throw Invalid(value, $"'{item}' is neither an instant nor a period start/end[/resolution]");
            }

            var (startFirst, startLast) = Instant(bounds[0], value, localOffset, today, ref usesToday);
            if (bounds.Length == 1)
            {
                intervals.Add((startFirst, startLast));
                continue;
            }

            var (_, endLast) = Instant(bounds[1], value, localOffset, today, ref usesToday);
            if (endLast < startFirst)
            {
                throw Invalid(value, $"the period '{item}' ends before it starts");
            }

            intervals.Add((startFirst, endLast));
        }

        return new TimeFilter(intervals, usesToday);
    }

    /// <summary>A boolean SQL expression over alias <c>r</c>; its parameters are added to <paramref name="parameters"/>.</summary>
    public string Condition(NpgsqlParameterCollection parameters)
    {
        var from = "r." + SqlIdentifier.Quote(RecordMetadata.ValidFrom);
        var to = "r." + SqlIdentifier.Quote(RecordMetadata.ValidTo);
        var sql = new StringBuilder("(");
        for (var i = 0; i < Intervals.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(" OR ");
            }

            sql.Append(CultureInfo.InvariantCulture, $"(({from} IS NULL OR {from} <= @time_end_{i}) AND ({to} IS NULL OR {to} >= @time_start_{i}))");
            parameters.Add(new NpgsqlParameter($"time_start_{i}", NpgsqlDbType.Date) { Value = Intervals[i].Start });
            parameters.Add(new NpgsqlParameter($"time_end_{i}", NpgsqlDbType.Date) { Value = Intervals[i].End });
        }

        return sql.Append(')').ToString();
    }

    /// <summary>The text that identifies the filter in a cache key (today's date when "current" was used).</summary>
    public string CacheKey => string.Join(",", Intervals.Select(i => $"{i.Start:yyyy-MM-dd}/{i.End:yyyy-MM-dd}"));

    private static (DateOnly First, DateOnly Last) Instant(string text, string whole, TimeSpan localOffset, DateOnly today, ref bool usesToday)
    {
        var lower = text.ToLowerInvariant();
        if (lower is "current" or "present" or "now")
        {
            usesToday = true;
            return (today, today);
        }

        var invariant = CultureInfo.InvariantCulture;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, invariant, out var year) && year >= 1)
        {
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", invariant, DateTimeStyles.None, out var month))
        {
            // No AddMonths: 9999-12 has no following month (issue 9).
            return (month, new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)));
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
        {
            return (day, day);
        }

        if (text.Length > 10 && text[10] is 'T' or 't')
        {
            var hasZone = text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 10;
            if (hasZone && DateTimeOffset.TryParse(text, invariant, DateTimeStyles.None, out var zoned))
            {
                var local = LocalDay(zoned, localOffset);
                return (local, local);
            }

            if (!hasZone && DateTime.TryParse(text, invariant, DateTimeStyles.None, out var unzoned))
            {
                var local = DateOnly.FromDateTime(unzoned);
                return (local, local);
            }
        }

        throw Invalid(whole, $"'{text}' is not an ISO 8601 date or date-time");
    }

    /// <summary>The day in Việt Nam time of an instant; clamped, since 9999-12-31T23:30Z is already year 10000 there.</summary>
    private static DateOnly LocalDay(DateTimeOffset instant, TimeSpan localOffset) =>
        DateOnly.FromDateTime(new DateTime(Math.Clamp(instant.UtcTicks + localOffset.Ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks)));

    private static OwsException Invalid(string value, string why) =>
        new(WmsExceptionCodes.InvalidDimensionValue, $"The TIME value '{value}' cannot be used: {why}.", Parameter);
}
