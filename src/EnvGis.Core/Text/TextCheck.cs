using System.Globalization;

namespace EnvGis.Core.Text;

/// <summary>
/// The one rule for text that enters EnvGis (records, comments, names, searches): no control characters
/// other than tab, line feed and carriage return, no lone UTF-16 surrogates, no non-characters
/// U+FFFE/U+FFFF. Such text cannot be stored by PostgreSQL (NUL) or written into XML (GML, capabilities)
/// and is refused at input; writers replace it anyway (<see cref="ForXml"/>). See docs/hardening.md.
/// </summary>
public static class TextCheck
{
    /// <summary>A stable problem code for refusals of such text.</summary>
    public const string ProblemCode = "invalid-text";

    /// <summary>What is wrong with <paramref name="text"/>, or null when it may be stored.</summary>
    public static string? Problem(string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"contains a lone UTF-16 surrogate (U+{(int)c:X4}) at position {i + 1}";
            }

            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                return $"contains the control character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} at position {i + 1}; only tab and line breaks are allowed";
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="text"/> with every character XML 1.0 cannot carry (C0 controls other than tab and
    /// line breaks, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD; the same string when there is none.
    /// </summary>
    public static string ForXml(string text)
    {
        var firstBad = FirstXmlInvalid(text);
        if (firstBad < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = firstBad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>For log lines and audit entries: control characters shown as <c>\uXXXX</c>, lone surrogates as U+FFFD.</summary>
    public static string Printable(string text)
    {
        if (Problem(text) is null)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                result.Append('\uFFFD');
            }
            else if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static int FirstXmlInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
}
