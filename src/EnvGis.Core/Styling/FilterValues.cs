using System.Globalization;
using System.Text.Json;

namespace EnvGis.Core.Styling;

/// <summary>Typing and comparison of filter literals against attribute values from any source.</summary>
internal static class FilterValues
{
    /// <summary>SLD literal text as the model stores it: number if it parses as one, then boolean, else the text.</summary>
    public static object ParseLiteral(string text)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return number;
        }
        if (bool.TryParse(trimmed, out var flag))
        {
            return flag;
        }
        return text;
    }

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
        _ => value,
    };

    /// <summary>
    /// Order of <paramref name="actual"/> relative to <paramref name="literal"/> (negative, 0, positive):
    /// as booleans when either is one, as numbers when both read as numbers, else as ordinal text
    /// (ISO dates sort right). Null when either is missing or a boolean meets a non-boolean. The
    /// portal's filters.js compares the same way, so WMS and the map agree.
    /// </summary>
    public static int? Compare(object? actual, object? literal)
    {
        actual = Unwrap(actual);
        literal = Unwrap(literal);
        if (actual is null || literal is null)
        {
            return null;
        }
        if (actual is bool || literal is bool)
        {
            return TryBoolean(actual, out var a) && TryBoolean(literal, out var b) ? a.CompareTo(b) : null;
        }
        if (TryNumber(actual, out var x) && TryNumber(literal, out var y))
        {
            return Math.Sign(x.CompareTo(y));
        }
        return Math.Sign(string.CompareOrdinal(ToText(actual), ToText(literal)));
    }

    /// <summary>The value as filter text: invariant culture, ISO dates.</summary>
    public static string? ToText(object? value) => Unwrap(value) switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    private static bool TryNumber(object value, out double number)
    {
        switch (value)
        {
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            case string text:
                return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                    && double.IsFinite(number);
            default:
                number = 0;
                return false;
        }
    }

    private static bool TryBoolean(object value, out bool flag)
    {
        switch (value)
        {
            case bool b:
                flag = b;
                return true;
            case string text:
                return bool.TryParse(text.Trim(), out flag);
            default:
                flag = false;
                return false;
        }
    }
}
