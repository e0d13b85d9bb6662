using System.Globalization;
using EnvGis.Core.Catalogue;

namespace EnvGis.Core.Values;

/// <summary>
/// The one place text becomes a typed value of an attribute type (docs/filters.md): WFS-T values,
/// FES and SLD literals (typed from the property they meet) and filter text all go through here.
/// Text → string, integer → int, number → finite double, boolean → true/false/1/0, date → local day
/// (<see cref="DateOnly"/>), datetime → UTC instant (<see cref="DateTimeOffset"/>), by the time rule of
/// <see cref="CityTime"/>. Anything else is a <see cref="FormatException"/> with a readable message.
/// </summary>
public static class TypedValues
{
    public static object Parse(string text, AttributeType type)
    {
        var value = text.Trim();
        object? typed = type switch
        {
            AttributeType.Text => text,
            AttributeType.Integer => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            AttributeType.Number => ParseNumber(value),
            AttributeType.Boolean => ParseBoolean(value),
            AttributeType.Date => ParseDay(value),
            AttributeType.DateTime => CityTime.ParseInstant(value),
            _ => null,
        };
        return typed ?? throw new FormatException($"'{Shorten(text)}' is not a valid {type.Name()} value.");
    }

    /// <summary>
    /// A literal compared with an attribute of <paramref name="type"/>: as <see cref="Parse"/>, except
    /// that integer attributes compare with any number (<c>population &gt; 2.5</c>).
    /// </summary>
    public static object ParseComparable(string text, AttributeType type) =>
        type == AttributeType.Integer
            ? long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                ? (object)l
                : ParseNumber(text.Trim()) ?? throw new FormatException($"'{Shorten(text)}' is not a valid number.")
            : Parse(text, type);

    /// <summary>A finite number, or null.</summary>
    public static double? ParseNumber(string value) =>
        value.Length <= 64 && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    public static bool? ParseBoolean(string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    /// <summary>A date, or the local day of a date-time.</summary>
    private static DateOnly ParseDay(string value) => CityTime.ParseDateOrInstant(value) switch
    {
        DateOnly day => day,
        DateTimeOffset instant => CityTime.DayOf(instant, value),
        _ => throw new FormatException($"'{Shorten(value)}' is not a date."),
    };

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
