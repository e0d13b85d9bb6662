using System.Globalization;

namespace EnvGis.Core.Values;

/// <summary>
/// The one time rule of EnvGis (docs/filters.md): the city's calendar is Việt Nam time, UTC+07:00 all
/// year. A date names a whole local day; a date-time with a zone (Z or ±hh:mm) is that instant; a
/// date-time without a zone is local time. Where a day is needed an instant gives the local day it
/// falls on; where an instant is needed a day gives its local midnight. Dates outside 0001-01-01 …
/// 9999-12-31 (after conversion to local time) are refused with a <see cref="FormatException"/>,
/// never an overflow.
/// </summary>
public static class CityTime
{
    /// <summary>Việt Nam time: no daylight saving since 1975.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The most characters a date or date-time may have (RFC 3339 with nanoseconds and a zone is 35).</summary>
    public const int MaxLength = 40;

    /// <summary>A date (<c>yyyy-MM-dd</c>) as <see cref="DateOnly"/>, or a date-time as a UTC <see cref="DateTimeOffset"/>.</summary>
    public static object ParseDateOrInstant(string text)
    {
        var value = Checked(text);
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return ParseInstant(value);
    }

    /// <summary>A date (its local midnight) or a date-time as a UTC instant.</summary>
    public static DateTimeOffset ParseInstant(string text)
    {
        var value = Checked(text);
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return StartOf(date);
        }

        if (value.Length < 16 || value[10] is not ('T' or 't' or ' ') || !char.IsAsciiDigit(value[0]))
        {
            throw Invalid(text);
        }

        var zoned = value.EndsWith('Z') || value.EndsWith('z') || value.LastIndexOfAny(['+', '-']) > 10;
        if (zoned)
        {
            // Parse the local clock reading and the offset apart, so that 9999-12-31T23:30:00-01:00
            // (after year 9999 in UTC) is refused instead of overflowing.
            var (clock, offset) = SplitZone(value, text);
            var utcTicks = clock.Ticks - offset.Ticks;
            if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            {
                throw OutOfRange(text);
            }

            return new DateTimeOffset(utcTicks, TimeSpan.Zero);
        }

        var local = ParseClock(value, text);
        var ticks = local.Ticks - Offset.Ticks;
        return ticks < DateTime.MinValue.Ticks ? throw OutOfRange(text) : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>
    /// The local days a text names: a year (<c>2024</c>), a month (<c>2024-05</c>), a day, or the
    /// local day of a date-time.
    /// </summary>
    public static (DateOnly First, DateOnly Last) ParseDays(string text)
    {
        var value = Checked(text);
        var invariant = CultureInfo.InvariantCulture;
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, invariant, out var year) && year >= 1)
        {
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        if (value.Length == 7 && DateOnly.TryParseExact(value, "yyyy-MM", invariant, DateTimeStyles.None, out var month))
        {
            // DaysInMonth, not AddMonths(1).AddDays(-1): December 9999 has no following month.
            return (month, new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)));
        }

        return ParseDateOrInstant(value) switch
        {
            DateOnly day => (day, day),
            DateTimeOffset instant => (DayOf(instant, text), DayOf(instant, text)),
            _ => throw Invalid(text),
        };
    }

    /// <summary>The local day an instant falls on; refused when that day is after 9999-12-31.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, string? source = null)
    {
        var ticks = instant.UtcTicks + Offset.Ticks;
        return ticks > DateTime.MaxValue.Ticks
            ? throw OutOfRange(source ?? instant.ToString("O", CultureInfo.InvariantCulture))
            : DateOnly.FromDateTime(new DateTime(ticks));
    }

    /// <summary>Local midnight at the start of a day, as a UTC instant (0001-01-01 clamps to the earliest instant).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var ticks = day.ToDateTime(TimeOnly.MinValue).Ticks - Offset.Ticks;
        return new DateTimeOffset(Math.Max(ticks, DateTime.MinValue.Ticks), TimeSpan.Zero);
    }

    /// <summary>Today in the city.</summary>
    public static DateOnly Today(DateTimeOffset now) => DayOf(now);

    private static string Checked(string text)
    {
        var value = text.Trim();
        if (value.Length is 0 or > MaxLength)
        {
            throw Invalid(text);
        }

        // OGR writes dates as yyyy/MM/dd (GDAL's WFS-T, CSV): the same date.
        return value.Length >= 10 && value[4] == '/' && value[7] == '/' && value[..4].All(char.IsAsciiDigit)
            ? value[..4] + "-" + value[5..7] + "-" + value[8..]
            : value;
    }

    private static (DateTime Clock, TimeSpan Offset) SplitZone(string value, string original)
    {
        if (value.EndsWith('Z') || value.EndsWith('z'))
        {
            return (ParseClock(value[..^1], original), TimeSpan.Zero);
        }

        var sign = value.LastIndexOfAny(['+', '-']);
        var zone = value[(sign + 1)..];
        if (!TimeSpan.TryParseExact(zone, ["hh\\:mm", "hhmm", "hh"], CultureInfo.InvariantCulture, out var offset) || offset > TimeSpan.FromHours(14))
        {
            throw Invalid(original);
        }

        return (ParseClock(value[..sign], original), value[sign] == '-' ? -offset : offset);
    }

    private static DateTime ParseClock(string value, string original)
    {
        string[] formats =
        [
            "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        ];
        var normalized = value.Length > 10 && value[10] == 't' ? value[..10] + "T" + value[11..] : value;

        // More than seven decimals (nanoseconds): keep the first seven.
        var dot = normalized.IndexOf('.');
        if (dot > 0 && normalized.Length - dot - 1 > 7 && normalized[(dot + 1)..].All(char.IsAsciiDigit))
        {
            normalized = normalized[..(dot + 8)];
        }

        return DateTime.TryParseExact(normalized, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            ? clock
            : throw Invalid(original);
    }

    private static FormatException Invalid(string text) =>
        new($"'{Shorten(text)}' is not an ISO 8601 date (2024-05-01) or date-time (2024-05-01T08:30:00Z).");

    private static FormatException OutOfRange(string text) =>
        new($"'{Shorten(text)}' is outside the supported dates (0001-01-01 to 9999-12-31, Việt Nam time).");

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
