using System.Globalization;
using System.Text.Json;
using EnvGis.Core.Values;

namespace EnvGis.Core.Filters;

/// <summary>
/// Comparison of values in memory, as the SQL generator compares them in the database: numbers
/// numerically, text by code point, booleans, dates by local day, instants in time; an untyped
/// literal (FES, SLD) takes the type of the value it meets, and a text value meets a number-like
/// literal numerically when both read as numbers (values from GeoJSON, tiles or CSV). A missing
/// value, or values that cannot be compared, give null (unknown).
/// </summary>
public static class FilterValues
{
    /// <summary>An untyped literal while it waits for the value that gives it a type.</summary>
    public sealed record Untyped(string Text);

    /// <summary>Plain CLR value: JSON elements (GeoJSON properties, deserialised styles) and DBNull unwrapped.</summary>
    public static object? Unwrap(object? value) => value switch
    {
        null or DBNull => null,
        JsonElement json => json.ValueKind switch
        {
            JsonValueKind.String => json.GetString(),
            JsonValueKind.Number => json.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => json.GetRawText(),
        },
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        byte or sbyte or short or ushort or int or uint or long or ulong or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>Order of <paramref name="left"/> relative to <paramref name="right"/>, or null when unknown.</summary>
    public static int? Compare(object? left, object? right)
    {
        left = Unwrap(left);
        right = Unwrap(right);
        switch (left, right)
        {
            case (null, _) or (_, null):
                return null;
            case (Untyped a, Untyped b):
                return Math.Sign(string.CompareOrdinal(a.Text, b.Text));
            case (Untyped a, _):
                return -Compare(right, a);
            case (_, Untyped b):
                return CompareWithUntyped(left, b.Text);
            case (double x, double y):
                return x.CompareTo(y);
            case (bool x, bool y):
                return x.CompareTo(y);
            case (string x, string y):
                return Math.Sign(string.CompareOrdinal(x, y));
            case (DateOnly x, DateOnly y):
                return x.CompareTo(y);
            case (DateTimeOffset x, DateTimeOffset y):
                return x.CompareTo(y);
            case (DateOnly x, DateTimeOffset y):
                return Day(y) is { } dy ? x.CompareTo(dy) : null;
            case (DateTimeOffset x, DateOnly y):
                return Day(x) is { } dx ? dx.CompareTo(y) : null;
            case (string x, double y):
                return TypedValues.ParseNumber(x.Trim()) is { } nx ? nx.CompareTo(y) : null;
            case (double x, string y):
                return TypedValues.ParseNumber(y.Trim()) is { } ny ? x.CompareTo(ny) : null;
            default:
                return null;
        }
    }

    /// <summary>The value as text: invariant culture, ISO dates.</summary>
    public static string? ToText(object? value) => Unwrap(value) switch
    {
        null => null,
        string text => text,
        Untyped u => u.Text,
        bool flag => flag ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    private static int? CompareWithUntyped(object value, string literal)
    {
        var text = literal.Trim();
        try
        {
            return value switch
            {
                double x => TypedValues.ParseNumber(text) is { } y ? x.CompareTo(y) : null,
                bool x => TypedValues.ParseBoolean(text) is { } y ? x.CompareTo(y) : null,
                DateOnly x => CityTime.ParseDateOrInstant(text) switch
                {
                    DateOnly y => x.CompareTo(y),
                    DateTimeOffset y => x.CompareTo(CityTime.DayOf(y)),
                    _ => null,
                },
                DateTimeOffset x => x.CompareTo(CityTime.ParseInstant(text)),
                string x when TypedValues.ParseNumber(x.Trim()) is { } nx && TypedValues.ParseNumber(text) is { } ny => nx.CompareTo(ny),
                string x => Math.Sign(string.CompareOrdinal(x, literal)),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static DateOnly? Day(DateTimeOffset instant)
    {
        try
        {
            return CityTime.DayOf(instant);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
