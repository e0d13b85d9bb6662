using System.Globalization;
using EnvGis.Core.Filters;
using EnvGis.Core.Values;

namespace EnvGis.Ows.Filters.Cql2;

/// <summary>
/// CQL2 text (OGC 21-065, <c>cql2-text</c>) into the shared filter tree: basic CQL2, LIKE / BETWEEN / IN,
/// CASEI / ACCENTI, the spatial functions with WKT and BBOX literals, the temporal functions with DATE,
/// TIMESTAMP and INTERVAL. Functions, arithmetic and arrays are refused as not supported; nesting, the
/// number of predicates and the size of literals are bounded (<see cref="FilterLimits"/>).
/// </summary>
public sealed class Cql2TextParser
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "LIKE", "ILIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE", "DIV",
    };

    private static readonly HashSet<string> GeometryKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "BBOX",
    };

    private readonly Cql2Geometries geometries;
    private Cql2Lexer lexer = null!;
    private Cql2Token token = null!;
    private int depth;
    private int predicates;

    private readonly bool legacy;

    /// <param name="legacy">
    /// The pre-standard "cql-text" that GDAL 3.6 writes: string literals take the type of the property
    /// they meet (<c>day = '2024-05-01'</c>) and <c>ILIKE</c> is a case-insensitive LIKE.
    /// </param>
    public Cql2TextParser(Cql2Geometries geometries, bool legacy = false)
    {
        this.geometries = geometries;
        this.legacy = legacy;
    }

    public FilterNode Parse(string text)
    {
        if (text.Length > FilterLimits.MaxFilterLength)
        {
            throw new FilterException($"A filter may have at most {FilterLimits.MaxFilterLength} characters.");
        }

        lexer = new Cql2Lexer(text);
        token = lexer.Next();
        if (token.Kind == Cql2TokenKind.End)
        {
            throw new FilterException("The filter is empty.");
        }

        var filter = Or();
        return token.Kind == Cql2TokenKind.End ? filter : throw Unexpected("the end of the filter");
    }

    private void Advance() => token = lexer.Next();

    private void Expect(string symbol)
    {
        if (!token.IsSymbol(symbol))
        {
            throw Unexpected($"'{symbol}'");
        }

        Advance();
    }

    private FilterNode Or()
    {
        var operands = new List<FilterNode> { And() };
        while (token.Is("OR"))
        {
            Advance();
            operands.Add(And());
        }

        return operands.Count == 1 ? operands[0] : new OrNode(Flatten<OrNode>(operands, o => o.Operands));
    }

    private FilterNode And()
    {
        var operands = new List<FilterNode> { Not() };
        while (token.Is("AND"))
        {
            Advance();
            operands.Add(Not());
        }

        return operands.Count == 1 ? operands[0] : new AndNode(Flatten<AndNode>(operands, a => a.Operands));
    }

    /// <summary>a AND (b AND c) is a AND b AND c, as the JSON encoding writes it.</summary>
    internal static List<FilterNode> Flatten<T>(List<FilterNode> operands, Func<T, IReadOnlyList<FilterNode>> children) where T : FilterNode =>
        operands.SelectMany(o => o is T same ? children(same) : [o]).ToList();

    private FilterNode Not()
    {
        Enter();
        try
        {
            if (token.Is("NOT"))
            {
                Advance();
                return new NotNode(Not());
            }

            return Primary();
        }
        finally
        {
            depth--;
        }
    }

    private void Enter()
    {
        if (++depth > FilterLimits.MaxDepth)
        {
            throw new FilterException($"The filter is nested more than {FilterLimits.MaxDepth} levels deep.");
        }
    }

    private FilterNode Primary()
    {
        if (++predicates > FilterLimits.MaxPredicates)
        {
            throw new FilterException($"The filter has more than {FilterLimits.MaxPredicates} predicates.");
        }

        if (token.IsSymbol("("))
        {
            Advance();
            var inner = Or();
            Expect(")");
            return inner;
        }

        if (token.Kind == Cql2TokenKind.Identifier)
        {
            var name = token.Text;
            if (Cql2Functions.Spatial.TryGetValue(name, out var spatial))
            {
                return Spatial(spatial);
            }

            if (Cql2Functions.Temporal.TryGetValue(name, out var temporal))
            {
                return Temporal(temporal);
            }

            if (Cql2Functions.Arrays.Contains(name))
            {
                throw Cql2Functions.ArraysNotSupported();
            }
        }

        var start = token;
        var value = Scalar();
        if (value is BooleanLiteral constant && !IsPredicateTail())
        {
            return new BooleanNode(constant.Value);
        }

        return Predicate(value, start);
    }

    private bool IsPredicateTail() =>
        token.Kind == Cql2TokenKind.Symbol && token.Text is "=" or "<>" or "<" or ">" or "<=" or ">="
        || token.Is("NOT") || token.Is("LIKE") || token.Is("BETWEEN") || token.Is("IN") || token.Is("IS") || (legacy && token.Is("ILIKE"));

    private FilterNode Predicate(Expression value, Cql2Token start)
    {
        if (token.Kind == Cql2TokenKind.Symbol && token.Text is "=" or "<>" or "<" or ">" or "<=" or ">=")
        {
            var op = token.Text switch
            {
                "=" => ComparisonOperator.EqualTo,
                "<>" => ComparisonOperator.NotEqualTo,
                "<" => ComparisonOperator.LessThan,
                ">" => ComparisonOperator.GreaterThan,
                "<=" => ComparisonOperator.LessThanOrEqualTo,
                _ => ComparisonOperator.GreaterThanOrEqualTo,
            };
            Advance();
            return new ComparisonNode(op, value, Scalar());
        }

        if (token.Is("IS"))
        {
            Advance();
            var negated = token.Is("NOT");
            if (negated)
            {
                Advance();
            }

            if (!token.Is("NULL"))
            {
                throw Unexpected("NULL");
            }

            Advance();
            return negated ? new NotNode(new NullNode(value)) : new NullNode(value);
        }

        var not = token.Is("NOT");
        if (not)
        {
            Advance();
        }

        FilterNode predicate;
        if (token.Is("LIKE"))
        {
            Advance();
            predicate = new LikeNode(value, Pattern());
        }
        else if (legacy && token.Is("ILIKE"))
        {
            Advance();
            predicate = new LikeNode(new CaseInsensitive(value), new CaseInsensitive(Pattern()));
        }
        else if (token.Is("BETWEEN"))
        {
            Advance();
            var lower = Scalar();
            if (!token.Is("AND"))
            {
                throw Unexpected("AND");
            }

            Advance();
            predicate = new BetweenNode(value, lower, Scalar());
        }
        else if (token.Is("IN"))
        {
            Advance();
            Expect("(");
            var list = new List<Expression> { Scalar() };
            while (token.IsSymbol(","))
            {
                Advance();
                list.Add(Scalar());
                if (list.Count > FilterLimits.MaxListValues)
                {
                    throw new FilterException($"An IN list may hold at most {FilterLimits.MaxListValues} values.");
                }
            }

            Expect(")");
            predicate = new InNode(value, list);
        }
        else
        {
            throw Unexpected(start.Kind == Cql2TokenKind.End ? "a predicate" : "a comparison, LIKE, BETWEEN, IN or IS NULL");
        }

        return not ? new NotNode(predicate) : predicate;
    }

    /// <summary>patternExpression: a string, possibly within CASEI(…) / ACCENTI(…).</summary>
    private Expression Pattern()
    {
        if (token.Is("CASEI") || token.Is("ACCENTI"))
        {
            var casei = token.Is("CASEI");
            Advance();
            Expect("(");
            var inner = Pattern();
            Expect(")");
            return casei ? new CaseInsensitive(inner) : new AccentInsensitive(inner);
        }

        if (token.Kind != Cql2TokenKind.String)
        {
            throw Unexpected("a pattern string");
        }

        Expression pattern = legacy ? new TextLiteral(token.Text) : new StringLiteral(token.Text);
        Advance();
        return pattern;
    }

    /// <summary>A scalar: literal, property, CASEI/ACCENTI, DATE/TIMESTAMP/INTERVAL; arithmetic and other functions are refused.</summary>
    private Expression Scalar()
    {
        Enter();
        try
        {
            var value = ScalarOperand();
            if (token.Kind == Cql2TokenKind.Symbol && Cql2Functions.Arithmetic.Contains(token.Text) || token.Is("div"))
            {
                throw Cql2Functions.ArithmeticNotSupported();
            }

            return value;
        }
        finally
        {
            depth--;
        }
    }

    private Expression ScalarOperand()
    {
        var current = token;
        switch (current.Kind)
        {
            case Cql2TokenKind.String:
                Advance();
                return legacy ? new TextLiteral(current.Text) : new StringLiteral(current.Text);
            case Cql2TokenKind.Number:
                Advance();
                return new NumberLiteral(Number(current.Text));
            case Cql2TokenKind.QuotedIdentifier:
                Advance();
                return Property(current.Text);
            case Cql2TokenKind.Symbol when current.Text is "-" or "+":
                Advance();
                if (token.Kind != Cql2TokenKind.Number)
                {
                    throw Cql2Functions.ArithmeticNotSupported();
                }

                var number = Number(token.Text);
                Advance();
                return new NumberLiteral(current.Text == "-" ? -number : number);
            case Cql2TokenKind.Symbol when current.Text == "(":
            {
                Advance();
                var inner = Scalar();
                Expect(")");
                return inner;
            }

            case Cql2TokenKind.Identifier:
                return Named(current);
            default:
                throw Unexpected("a value");
        }
    }

    private Expression Named(Cql2Token current)
    {
        var name = current.Text;
        Advance();
        if (name.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || name.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
        {
            return new BooleanLiteral(name.Equals("TRUE", StringComparison.OrdinalIgnoreCase));
        }

        if (Reserved.Contains(name))
        {
            throw lexer.Error(current.Start, $"'{name}' is a keyword, not a value (quote a property of that name: \"{name}\")");
        }

        if (!token.IsSymbol("("))
        {
            return Property(name);
        }

        switch (name.ToUpperInvariant())
        {
            case "CASEI":
            case "ACCENTI":
            {
                Advance();
                var inner = Scalar();
                Expect(")");
                return name.Equals("CASEI", StringComparison.OrdinalIgnoreCase) ? new CaseInsensitive(inner) : new AccentInsensitive(inner);
            }

            case "DATE":
            case "TIMESTAMP":
            {
                Advance();
                var text = StringArgument();
                Expect(")");
                return Instant(text, name.Equals("DATE", StringComparison.OrdinalIgnoreCase));
            }

            case "INTERVAL":
            {
                Advance();
                var start = IntervalEnd();
                Expect(",");
                var end = IntervalEnd();
                Expect(")");
                return new IntervalExpression(start, end);
            }

            default:
                if (GeometryKeywords.Contains(name))
                {
                    throw new FilterException("A geometry literal can only be used in a spatial function (S_INTERSECTS…).");
                }

                throw Cql2Functions.UnknownFunction(name);
        }
    }

    private static PropertyReference Property(string name) =>
        name.Length is > 0 and <= 256 ? new PropertyReference(name) : throw new FilterException("A property name has 1 to 256 characters.");

    private string StringArgument()
    {
        if (token.Kind != Cql2TokenKind.String)
        {
            throw Unexpected("a quoted date or timestamp");
        }

        var text = token.Text;
        Advance();
        return text;
    }

    /// <summary>DATE('yyyy-MM-dd') or TIMESTAMP('…T…Z'), read by the one time rule.</summary>
    public static Expression Instant(string text, bool date)
    {
        try
        {
            if (date)
            {
                return text.Trim().Length == 10 && CityTime.ParseDateOrInstant(text) is DateOnly day
                    ? new DateLiteral(day)
                    : throw new FilterException($"DATE('{Shorten(text)}') needs a date written yyyy-MM-dd.");
            }

            return text.Trim().Length > 10
                ? new TimestampLiteral(CityTime.ParseInstant(text))
                : throw new FilterException($"TIMESTAMP('{Shorten(text)}') needs a date and a time, e.g. 2024-05-01T08:30:00Z.");
        }
        catch (FormatException e)
        {
            throw new FilterException(e.Message);
        }
    }

    /// <summary>An end of INTERVAL: a date or timestamp string, '..' (open), or a property.</summary>
    private Expression IntervalEnd()
    {
        if (token.Kind == Cql2TokenKind.String)
        {
            var text = token.Text;
            Advance();
            return IntervalEnd(text);
        }

        if (token.Kind is Cql2TokenKind.Identifier or Cql2TokenKind.QuotedIdentifier)
        {
            var current = token;
            var value = current.Kind == Cql2TokenKind.Identifier ? Named(current) : Property(current.Text);
            if (current.Kind == Cql2TokenKind.QuotedIdentifier)
            {
                Advance();
            }

            return value is PropertyReference or DateLiteral or TimestampLiteral ? value : throw new FilterException("An interval's ends are dates, timestamps, '..' or properties.");
        }

        throw Unexpected("a date, a timestamp, '..' or a property");
    }

    public static Expression IntervalEnd(string text) =>
        text.Trim() == ".." ? OpenBound.Instance : Instant(text, text.Trim().Length == 10);

    private FilterNode Spatial(SpatialOperator op)
    {
        Advance();
        Expect("(");
        var (firstExpression, firstGeometry) = GeometryArgument();
        Expect(",");
        var (secondExpression, secondGeometry) = GeometryArgument();
        Expect(")");
        return Cql2Functions.SpatialNode(op, firstExpression, firstGeometry, secondExpression, secondGeometry);
    }

    private (Expression?, NetTopologySuite.Geometries.Geometry?) GeometryArgument()
    {
        if (token.Kind == Cql2TokenKind.Identifier && GeometryKeywords.Contains(token.Text))
        {
            var keyword = token;
            if (keyword.Is("BBOX"))
            {
                Advance();
                Expect("(");
                var numbers = new List<double> { SignedNumber() };
                while (token.IsSymbol(","))
                {
                    Advance();
                    numbers.Add(SignedNumber());
                }

                Expect(")");
                return (null, geometries.FromBbox(numbers));
            }

            // Hand the whole well-known text (keyword, optional Z, parenthesised coordinates) to the WKT reader.
            Advance();
            lexer.Reset(token.Start);
            var body = lexer.ReadBalanced();
            Advance();
            return (null, geometries.FromWkt(keyword.Text + " " + body));
        }

        var value = Scalar();
        return value is PropertyReference property
            ? (property, null)
            : throw new FilterException("A spatial function compares a geometry property with a geometry literal (WKT or BBOX).");
    }

    private double SignedNumber()
    {
        var sign = 1.0;
        if (token.IsSymbol("-") || token.IsSymbol("+"))
        {
            sign = token.Text == "-" ? -1 : 1;
            Advance();
        }

        if (token.Kind != Cql2TokenKind.Number)
        {
            throw Unexpected("a number");
        }

        var value = sign * Number(token.Text);
        Advance();
        return value;
    }

    private FilterNode Temporal(TemporalOperator op)
    {
        Advance();
        Expect("(");
        var first = TemporalArgument();
        Expect(",");
        var second = TemporalArgument();
        Expect(")");
        return new TemporalNode(op, first, second);
    }

    private Expression TemporalArgument()
    {
        var value = Scalar();
        return value is PropertyReference or DateLiteral or TimestampLiteral or IntervalExpression
            ? value
            : throw new FilterException("A temporal function compares dates, timestamps, intervals or properties.");
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private FilterException Unexpected(string expected) => lexer.Error(token.Start,
        token.Kind == Cql2TokenKind.End ? $"expected {expected}, found the end" : $"expected {expected}, found '{Shorten(token.Text)}'");

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
