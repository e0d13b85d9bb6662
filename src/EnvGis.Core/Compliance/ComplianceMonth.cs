using System.Globalization;
using EnvGis.Core.Values;

namespace EnvGis.Core.Compliance;

/// <summary>
/// One month of the monthly update duty (Art. 6.2, docs/operations.md "Monthly update compliance"): its days in Việt Nam time,
/// and its deadline. An update is on time when it counts before the end of the deadline day — the
/// configured day (the 30th by default), or the month's last day when the month is shorter.
/// </summary>
public sealed record ComplianceMonth
{
    /// <summary>The default deadline day ("trước ngày 30 hằng tháng").</summary>
    public const int DefaultDeadlineDay = 30;

    private readonly int configuredDay;

    private ComplianceMonth(DateOnly first, int deadlineDay)
    {
        First = first;
        configuredDay = deadlineDay;
        DeadlineDay = new DateOnly(first.Year, first.Month, Math.Min(deadlineDay, DateTime.DaysInMonth(first.Year, first.Month)));
    }

    /// <summary>The month's first day.</summary>
    public DateOnly First { get; }

    /// <summary>The last day on which an update is on time.</summary>
    public DateOnly DeadlineDay { get; }

    /// <summary><c>yyyy-MM</c>.</summary>
    public string Key => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Local midnight starting the month, as an instant.</summary>
    public DateTimeOffset Start => CityTime.StartOf(First);

    /// <summary>Local midnight starting the next month, as an instant (the month is [Start, End)).</summary>
    public DateTimeOffset End => First.Year == 9999 && First.Month == 12 ? DateTimeOffset.MaxValue : CityTime.StartOf(First.AddMonths(1));

    /// <summary>The end of the deadline day: what counts at or after this instant is late.</summary>
    public DateTimeOffset Deadline => CityTime.StartOf(DeadlineDay.AddDays(1));

    public ComplianceMonth Previous => new(First.AddMonths(-1), configuredDay);

    public ComplianceMonth Next => new(First.AddMonths(1), configuredDay);

    public static ComplianceMonth Of(DateOnly day, int deadlineDay = DefaultDeadlineDay) =>
        new(new DateOnly(day.Year, day.Month, 1), CheckDay(deadlineDay));

    /// <summary>The month an instant falls in, in Việt Nam time.</summary>
    public static ComplianceMonth Containing(DateTimeOffset instant, int deadlineDay = DefaultDeadlineDay) =>
        Of(CityTime.DayOf(instant), deadlineDay);

    /// <summary>Reads <c>yyyy-MM</c> (years 2000–9999); anything else is a <see cref="FormatException"/>.</summary>
    public static ComplianceMonth Parse(string? text, int deadlineDay = DefaultDeadlineDay)
    {
        var value = text?.Trim() ?? "";
        if (value.Length != 7
            || !DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year < 2000)
        {
            throw new FormatException($"'{(value.Length > 20 ? value[..20] + "…" : value)}' is not a month written as YYYY-MM (2000-01 or later).");
        }

        return Of(first, deadlineDay);
    }

    /// <summary>A deadline day from 1 to 31 (31 means the last day of every month).</summary>
    public static int CheckDay(int day) =>
        day is >= 1 and <= 31 ? day : throw new ArgumentOutOfRangeException(nameof(day), day, "The deadline day is 1–31.");
}
