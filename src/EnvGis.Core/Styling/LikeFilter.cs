using System.Text;
using System.Text.RegularExpressions;

namespace EnvGis.Core.Styling;

/// <summary>ogc:PropertyIsLike: the whole text value matches <see cref="Pattern"/>, case-sensitively.</summary>
public sealed record LikeFilter(string Property, string Pattern, string WildCard, string SingleChar, string EscapeChar)
    : StyleFilter
{
    // Patterns come from trusted style files; the timeout only guards against a pathological one.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public override bool Evaluate(Func<string, object?> getProperty) =>
        FilterValues.ToText(getProperty(Property)) is { } text
        && Regex.IsMatch(text, ToRegex(), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);

    /// <summary>The pattern as an anchored .NET regular expression.</summary>
    public string ToRegex()
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < Pattern.Length;)
        {
            var rest = Pattern.AsSpan(i);
            if (EscapeChar.Length > 0 && rest.StartsWith(EscapeChar, StringComparison.Ordinal)
                && i + EscapeChar.Length < Pattern.Length)
            {
                regex.Append(Regex.Escape(Pattern[i + EscapeChar.Length].ToString()));
                i += EscapeChar.Length + 1;
            }
            else if (WildCard.Length > 0 && rest.StartsWith(WildCard, StringComparison.Ordinal))
            {
                regex.Append(".*");
                i += WildCard.Length;
            }
            else if (SingleChar.Length > 0 && rest.StartsWith(SingleChar, StringComparison.Ordinal))
            {
                regex.Append('.');
                i += SingleChar.Length;
            }
            else
            {
                regex.Append(Regex.Escape(Pattern[i].ToString()));
                i++;
            }
        }
        return regex.Append('$').ToString();
    }
}
