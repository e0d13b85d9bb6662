using System.Globalization;
using System.Text;
using EnvGis.Core.Filters;

namespace EnvGis.Ows.Filters.Cql2;

/// <summary>
/// Splits CQL2 text into tokens (OGC 21-065 Annex B): identifiers (letters, digits, <c>_ : .</c>),
/// double-quoted identifiers, single-quoted strings (<c>''</c> and <c>\'</c> escape a quote), numbers
/// and operator symbols. Well-known text of geometry literals is taken whole by <see cref="ReadBalanced"/>.
/// </summary>
public sealed class Cql2Lexer(string text)
{
    private int position;

    public string Text => text;

    public Cql2Token Next()
    {
        while (position < text.Length && IsWhitespace(text[position]))
        {
            position++;
        }

        if (position >= text.Length)
        {
            return new Cql2Token(Cql2TokenKind.End, "", position);
        }

        var start = position;
        var c = text[position];
        if (c == '\'')
        {
            return new Cql2Token(Cql2TokenKind.String, Quoted('\''), start);
        }

        if (c == '"')
        {
            return new Cql2Token(Cql2TokenKind.QuotedIdentifier, Quoted('"'), start);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && position + 1 < text.Length && char.IsAsciiDigit(text[position + 1])))
        {
            return new Cql2Token(Cql2TokenKind.Number, Number(), start);
        }

        if (IsIdentifierStart(c))
        {
            while (position < text.Length && IsIdentifierPart(text[position]))
            {
                position++;
            }

            return new Cql2Token(Cql2TokenKind.Identifier, text[start..position], start);
        }

        foreach (var symbol in (string[])["<>", "<=", ">=", "=", "<", ">", "(", ")", ",", "+", "-", "*", "/", "%", "^"])
        {
            if (string.CompareOrdinal(text, position, symbol, 0, symbol.Length) == 0)
            {
                position += symbol.Length;
                return new Cql2Token(Cql2TokenKind.Symbol, symbol, start);
            }
        }

        throw Error(start, $"unexpected character '{c}'");
    }

    /// <summary>Moves back to <paramref name="start"/> (the start of an already read token).</summary>
    public void Reset(int start) => position = start;

    /// <summary>The text from the current position through the parenthesis that closes the first one.</summary>
    public string ReadBalanced()
    {
        var start = position;
        var depth = 0;
        for (; position < text.Length; position++)
        {
            switch (text[position])
            {
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    position++;
                    return text[start..position];
                case ')' when depth < 0:
                    throw Error(position, "unbalanced parentheses");
            }
        }

        throw Error(start, "a geometry literal is not closed");
    }

    public FilterException Error(int at, string message) =>
        new($"The CQL2 filter is not valid at character {at + 1}: {message}.");

    private string Quoted(char quote)
    {
        var value = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == quote && position + 1 < text.Length && text[position + 1] == quote)
            {
                value.Append(quote);
                position += 2;
            }
            else if (c == '\\' && quote == '\'' && position + 1 < text.Length && text[position + 1] == '\'')
            {
                value.Append('\'');
                position += 2;
            }
            else if (c == quote)
            {
                position++;
                if (value.Length > FilterLimits.MaxTextLength)
                {
                    throw new FilterException($"A text literal may have at most {FilterLimits.MaxTextLength} characters.");
                }

                return value.ToString();
            }
            else
            {
                value.Append(c);
                position++;
            }
        }

        throw Error(text.Length, $"a {(quote == '"' ? "quoted name" : "string")} is not closed");
    }

    private string Number()
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
        {
            position++;
        }

        if (position < text.Length && text[position] is 'e' or 'E')
        {
            var save = position;
            position++;
            if (position < text.Length && text[position] is '+' or '-')
            {
                position++;
            }

            if (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    position++;
                }
            }
            else
            {
                position = save;
            }
        }

        var number = text[start..position];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? number
            : throw Error(start, $"'{(number.Length > 40 ? number[..40] + "…" : number)}' is not a finite number");
    }

    private static bool IsWhitespace(char c) => char.IsWhiteSpace(c);

    private static bool IsIdentifierStart(char c) =>
        c is ':' or '_' || char.IsAsciiLetter(c) || (c >= '\u00C0' && c != '\u00D7' && c != '\u00F7' && char.IsLetter(c));

    private static bool IsIdentifierPart(char c) =>
        IsIdentifierStart(c) || c == '.' || char.IsAsciiDigit(c) || (c >= '\u0300' && c <= '\u036F') || c is '\u203F' or '\u2040';
}
