using System.Globalization;
using EnvGis.Core.Values;

namespace EnvGis.Core.Reports;

/// <summary>
/// One reporting period of an enterprise report type (docs/operations.md "Enterprise reports"): a year
/// (<c>2025</c>), a half-year (<c>2025-H1</c>), a quarter (<c>2025-Q3</c>) or a month (<c>2025-05</c>),
/// as whole days in Việt Nam time. A report is due a number of days after its period ends.
/// </summary>
public sealed record ReportPeriod(string Kind, DateOnly First, DateOnly Last)
{
    public const string Year = "year";
    public const string HalfYear = "half-year";
    public const string Quarter = "quarter";
    public const string Month = "month";

    public static IReadOnlyList<string> Kinds { get; } = [Year, HalfYear, Quarter, Month];

    public string Key => Kind switch
    {
        Year => First.Year.ToString(CultureInfo.InvariantCulture),
        HalfYear => $"{First.Year}-H{(First.Month - 1) / 6 + 1}",
        Quarter => $"{First.Year}-Q{(First.Month - 1) / 3 + 1}",
        _ => First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    /// <summary>The last day on which a report on this period is on time.</summary>
    public DateOnly DueDay(int dueDays) => Last.AddDays(dueDays);

    /// <summary>The end of the due day, as an instant: a report first submitted at or after it is late.</summary>
    public DateTimeOffset DueAt(int dueDays) => CityTime.StartOf(DueDay(dueDays).AddDays(1));

    public ReportPeriod Next => Containing(Kind, Last.AddDays(1));

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="day"/>.</summary>
    public static ReportPeriod Containing(string kind, DateOnly day)
    {
        var months = MonthsOf(kind);
        var firstMonth = (day.Month - 1) / months * months + 1;
        var first = new DateOnly(day.Year, firstMonth, 1);
        var lastMonth = first.AddMonths(months - 1);
        return new ReportPeriod(kind, first, new DateOnly(lastMonth.Year, lastMonth.Month, DateTime.DaysInMonth(lastMonth.Year, lastMonth.Month)));
    }

    /// <summary>Reads a period key of <paramref name="kind"/> (years 2000–9998); anything else is a <see cref="FormatException"/>.</summary>
    public static ReportPeriod Parse(string kind, string? text)
    {
        var value = text?.Trim() ?? "";
        var invariant = CultureInfo.InvariantCulture;
        int year = 0, index = 0;
        var ok = value.Length >= 4 && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, invariant, out year) && year is >= 2000 and <= 9998;
        ok = ok && kind switch
        {
            Year => value.Length == 4 && (index = 1) == 1,
            HalfYear => value.Length == 7 && value[4..6] == "-H" && int.TryParse(value.AsSpan(6), NumberStyles.None, invariant, out index) && index is 1 or 2,
            Quarter => value.Length == 7 && value[4..6] == "-Q" && int.TryParse(value.AsSpan(6), NumberStyles.None, invariant, out index) && index is >= 1 and <= 4,
            Month => value.Length == 7 && value[4] == '-' && int.TryParse(value.AsSpan(5), NumberStyles.None, invariant, out index) && index is >= 1 and <= 12,
            _ => false,
        };
        if (!ok)
        {
            throw new FormatException($"'{(value.Length > 20 ? value[..20] + "…" : value)}' is not a {kind} period ({Example(kind)}).");
        }

        return Containing(kind, new DateOnly(year, (index - 1) * MonthsOf(kind) + 1, 1));
    }

    public static bool IsKind(string? kind) => kind is Year or HalfYear or Quarter or Month;

    public static string Example(string kind) => kind switch
    {
        Year => "2025",
        HalfYear => "2025-H1",
        Quarter => "2025-Q3",
        _ => "2025-05",
    };

    private static int MonthsOf(string kind) => kind switch
    {
        Year => 12,
        HalfYear => 6,
        Quarter => 3,
        Month => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A period is year, half-year, quarter or month."),
    };
}
