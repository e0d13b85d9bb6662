using System.Globalization;

namespace EnvGis.Server.Monitoring;

/// <summary>
/// The from/to of a monitoring request: ISO 8601 instants (with an offset; without one, Việt Nam time) or
/// dates (midnight Việt Nam time); defaults to the <c>defaultLength</c> before now; at most <c>maxLength</c>.
/// </summary>
public static class TimeRange
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static (DateTime From, DateTime To, IResult? Problem) Parse(string? from, string? to, TimeSpan defaultLength, TimeSpan maxLength,
        DateTimeOffset now)
    {
        DateTimeOffset? start = null, end = null;
        if (from is not null && (start = Instant(from)) is null)
        {
            return (default, default, MonitoringProblems.Invalid("invalid-time", $"'from' must be an ISO 8601 time or date, not '{Shorten(from)}'.", "from"));
        }

        if (to is not null && (end = Instant(to)) is null)
        {
            return (default, default, MonitoringProblems.Invalid("invalid-time", $"'to' must be an ISO 8601 time or date, not '{Shorten(to)}'.", "to"));
        }

        var stop = end ?? (start is { } s ? s + defaultLength : now.AddHours(1));
        var begin = start ?? stop - defaultLength;
        if (begin >= stop)
        {
            return (default, default, MonitoringProblems.Invalid("invalid-time", "'from' must be before 'to'.", "from"));
        }

        if (stop - begin > maxLength)
        {
            return (default, default, MonitoringProblems.Invalid("range-too-large",
                $"At most {maxLength.TotalDays:0} days can be read at once at this interval; narrow from/to.", "from"));
        }

        return (begin.UtcDateTime, stop.UtcDateTime, null);
    }

    private static DateTimeOffset? Instant(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Vietnam);
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) || time.Year < 1900 || time.Year > 2200)
        {
            return null;
        }

        return time.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(time, TimeSpan.Zero),
            DateTimeKind.Local => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
            _ => new DateTimeOffset(time, Vietnam),
        };
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
