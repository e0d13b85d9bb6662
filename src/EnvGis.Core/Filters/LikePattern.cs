using System.Text;
using System.Text.RegularExpressions;

namespace EnvGis.Core.Filters;

/// <summary>
/// LIKE patterns in their one canonical form: <c>%</c> any text, <c>_</c> one character, <c>\</c>
/// makes the next character literal (as CQL2 and SQL write them).
/// </summary>
public static class LikePattern
{
    public const char Any = '%';
    public const char One = '_';
    public const char Escape = '\\';

    /// <summary>A pattern written with the FES/SLD wildcard, single-character and escape strings, in canonical form.</summary>
    public static string FromWildcards(string pattern, string wildCard, string singleChar, string escapeChar)
    {
        var canonical = new StringBuilder();
        for (var i = 0; i < pattern.Length;)
        {
            var rest = pattern.AsSpan(i);
            if (escapeChar.Length > 0 && rest.StartsWith(escapeChar, StringComparison.Ordinal) && i + escapeChar.Length < pattern.Length)
            {
                AppendLiteral(canonical, pattern[i + escapeChar.Length]);
                i += escapeChar.Length + 1;
            }
            else if (wildCard.Length > 0 && rest.StartsWith(wildCard, StringComparison.Ordinal))
            {
                canonical.Append(Any);
                i += wildCard.Length;
            }
            else if (singleChar.Length > 0 && rest.StartsWith(singleChar, StringComparison.Ordinal))
            {
                canonical.Append(One);
                i += singleChar.Length;
            }
            else
            {
                AppendLiteral(canonical, pattern[i]);
                i++;
            }
        }

        return canonical.ToString();
    }

    /// <summary>Refuses patterns over the limits of <see cref="FilterLimits"/>.</summary>
    public static void Check(string pattern)
    {
        if (pattern.Length > FilterLimits.MaxTextLength)
        {
            throw new FilterException($"A LIKE pattern may have at most {FilterLimits.MaxTextLength} characters.");
        }

        var wildcards = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == Escape)
            {
                i++;
            }
            else if (pattern[i] == Any && ++wildcards > FilterLimits.MaxLikeWildcards)
            {
                throw new FilterException($"A LIKE pattern may have at most {FilterLimits.MaxLikeWildcards} '%' wildcards.");
            }
        }
    }

    /// <summary>The pattern as an anchored .NET regular expression (for in-memory evaluation).</summary>
    public static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == Escape && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(c switch
                {
                    Any => ".*",
                    One => ".",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.Append('$').ToString();
    }

    /// <summary>The pattern for SQL's <c>LIKE … ESCAPE '\'</c>: the same, but a lone escape at the end is a literal backslash.</summary>
    public static string ToSql(string pattern)
    {
        var escaped = false;
        foreach (var c in pattern)
        {
            escaped = !escaped && c == Escape;
        }

        return escaped ? pattern + Escape : pattern;
    }

    private static void AppendLiteral(StringBuilder canonical, char c)
    {
        if (c is Any or One or Escape)
        {
            canonical.Append(Escape);
        }

        canonical.Append(c);
    }
}
