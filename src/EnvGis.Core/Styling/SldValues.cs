using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EnvGis.Core.Styling;

/// <summary>Parsing of SLD parameter values: colours, numbers, dash arrays.</summary>
internal static partial class SldValues
{
    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColourPattern();

    /// <summary>
    /// The constant text of a ParameterValueType element (text or a single ogc:Literal); null, with a
    /// warning, when it is an expression (PropertyName, Function, arithmetic) the model cannot hold.
    /// </summary>
    public static string? ConstantText(XElement element, SldContext context)
    {
        var children = element.Elements().ToList();
        if (children.Count == 0)
        {
            return element.Value.Trim();
        }
        var hasText = element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value));
        if (children.Count == 1 && SldContext.IsOgc(children[0], "Literal") && !hasText && !children[0].HasElements)
        {
            return children[0].Value.Trim();
        }
        var parts = string.Join(", ", children.Select(c => c.Name.LocalName));
        context.Warn(element, $"<{element.Name.LocalName}> holds an expression ({parts}); only constant values are supported, ignored");
        return null;
    }

    public static string? Colour(string text, XElement at, SldContext context)
    {
        if (ColourPattern().IsMatch(text))
        {
            return text.ToLowerInvariant();
        }
        context.Warn(at, $"colour '{text}' is not #rrggbb, ignored");
        return null;
    }

    public static double? Number(string text, XElement at, SldContext context, double min = 0, double max = double.MaxValue)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }
        context.Warn(at, $"'{text}' is not a number from {min.ToString(CultureInfo.InvariantCulture)} to "
            + $"{(max == double.MaxValue ? "∞" : max.ToString(CultureInfo.InvariantCulture))}, ignored");
        return null;
    }

    /// <summary>Dash lengths separated by spaces or commas; null (solid) when empty or invalid.</summary>
    public static IReadOnlyList<double>? DashArray(string text, XElement at, SldContext context)
    {
        var parts = text.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var dashes = new List<double>();
        foreach (var part in parts)
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var dash)
                || !double.IsFinite(dash) || dash < 0)
            {
                context.Warn(at, $"stroke-dasharray '{text}' is not a list of lengths, drawn solid");
                return null;
            }
            dashes.Add(dash);
        }
        return dashes.Count == 0 || dashes.All(d => d == 0) ? null : dashes.AsReadOnly();
    }

    /// <summary>
    /// The English title from an Abstract written "en: English title", optionally followed by more
    /// lines of description; null when the Abstract does not follow that convention.
    /// </summary>
    public static string? EnglishTitle(string? abstractText)
    {
        var firstLine = abstractText?.Trim().Split('\n')[0].Trim();
        if (firstLine is null || !firstLine.StartsWith("en:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var title = firstLine[3..].Trim();
        return title.Length == 0 ? null : title;
    }
}
