using System.Text.Json;
using EnvGis.Core.Filters;

namespace EnvGis.Ows.Filters.Cql2;

/// <summary>
/// CQL2 JSON (OGC 21-065, <c>cql2-json</c>) into the shared filter tree: the same predicates and
/// limits as <see cref="Cql2TextParser"/>; literals are JSON strings, numbers and booleans,
/// <c>{"date"}</c>, <c>{"timestamp"}</c>, <c>{"interval"}</c>, <c>{"bbox"}</c> and GeoJSON geometries.
/// </summary>
public sealed class Cql2JsonParser(Cql2Geometries geometries)
{
    private int predicates;

    public FilterNode Parse(string json)
    {
        if (json.Length > FilterLimits.MaxFilterLength)
        {
            throw new FilterException($"A filter may have at most {FilterLimits.MaxFilterLength} characters.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = FilterLimits.MaxDepth * 2 });
        }
        catch (JsonException e)
        {
            throw new FilterException($"The CQL2 JSON filter is not valid JSON: {e.Message}");
        }

        using (document)
        {
            return Predicate(document.RootElement, 0);
        }
    }

    private FilterNode Predicate(JsonElement e, int depth)
    {
        if (depth > FilterLimits.MaxDepth)
        {
            throw new FilterException($"The filter is nested more than {FilterLimits.MaxDepth} levels deep.");
        }

        if (++predicates > FilterLimits.MaxPredicates)
        {
            throw new FilterException($"The filter has more than {FilterLimits.MaxPredicates} predicates.");
        }

        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return new BooleanNode(e.GetBoolean());
        }

        var (op, args) = Operation(e);
        switch (op.ToLowerInvariant())
        {
            case "and":
            case "or":
            {
                var operands = args.Select(a => Predicate(a, depth + 1)).ToList();
                if (operands.Count < 2)
                {
                    throw new FilterException($"'{op}' needs at least two arguments.");
                }

                return op.Equals("and", StringComparison.OrdinalIgnoreCase)
                    ? new AndNode(Cql2TextParser.Flatten<AndNode>(operands, a => a.Operands))
                    : new OrNode(Cql2TextParser.Flatten<OrNode>(operands, o => o.Operands));
            }

            case "not":
                return new NotNode(Predicate(Single(op, args), depth + 1));
            case "=":
            case "<>":
            case "<":
            case ">":
            case "<=":
            case ">=":
                Count(op, args, 2);
                return new ComparisonNode(op switch
                {
                    "=" => ComparisonOperator.EqualTo,
                    "<>" => ComparisonOperator.NotEqualTo,
                    "<" => ComparisonOperator.LessThan,
                    ">" => ComparisonOperator.GreaterThan,
                    "<=" => ComparisonOperator.LessThanOrEqualTo,
                    _ => ComparisonOperator.GreaterThanOrEqualTo,
                }, Scalar(args[0], depth + 1), Scalar(args[1], depth + 1));
            case "like":
                Count(op, args, 2);
                return new LikeNode(Scalar(args[0], depth + 1), Pattern(args[1], depth + 1));
            case "between":
                Count(op, args, 3);
                return new BetweenNode(Scalar(args[0], depth + 1), Scalar(args[1], depth + 1), Scalar(args[2], depth + 1));
            case "in":
            {
                Count(op, args, 2);
                if (args[1].ValueKind != JsonValueKind.Array)
                {
                    throw new FilterException("The second argument of 'in' is the list of values.");
                }

                var list = args[1].EnumerateArray().Select(v => Scalar(v, depth + 1)).ToList();
                return list.Count is 0 or > FilterLimits.MaxListValues
                    ? throw new FilterException($"An IN list holds 1 to {FilterLimits.MaxListValues} values.")
                    : new InNode(Scalar(args[0], depth + 1), list);
            }

            case "isnull":
                return new NullNode(Scalar(Single(op, args), depth + 1));
        }

        if (Cql2Functions.Spatial.TryGetValue(op, out var spatial))
        {
            Count(op, args, 2);
            var (firstExpression, firstGeometry) = GeometryArgument(args[0], depth + 1);
            var (secondExpression, secondGeometry) = GeometryArgument(args[1], depth + 1);
            return Cql2Functions.SpatialNode(spatial, firstExpression, firstGeometry, secondExpression, secondGeometry);
        }

        if (Cql2Functions.Temporal.TryGetValue(op, out var temporal))
        {
            Count(op, args, 2);
            return new TemporalNode(temporal, TemporalArgument(args[0], depth + 1), TemporalArgument(args[1], depth + 1));
        }

        if (Cql2Functions.Arrays.Contains(op))
        {
            throw Cql2Functions.ArraysNotSupported();
        }

        if (Cql2Functions.Arithmetic.Contains(op))
        {
            throw Cql2Functions.ArithmeticNotSupported();
        }

        throw Cql2Functions.UnknownFunction(op);
    }

    private static (string Op, JsonElement[] Args) Operation(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.String)
        {
            throw new FilterException("A CQL2 JSON predicate is an object with \"op\" and \"args\".");
        }

        var args = e.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToArray() : [];
        return (op.GetString()!, args);
    }

    private static JsonElement Single(string op, JsonElement[] args)
    {
        Count(op, args, 1);
        return args[0];
    }

    private static void Count(string op, JsonElement[] args, int count)
    {
        if (args.Length != count)
        {
            throw new FilterException($"'{op}' takes {count} argument(s), found {args.Length}.");
        }
    }

    private Expression Scalar(JsonElement e, int depth)
    {
        if (depth > FilterLimits.MaxDepth)
        {
            throw new FilterException($"The filter is nested more than {FilterLimits.MaxDepth} levels deep.");
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                var text = e.GetString()!;
                return text.Length > FilterLimits.MaxTextLength
                    ? throw new FilterException($"A text literal may have at most {FilterLimits.MaxTextLength} characters.")
                    : new StringLiteral(text);
            case JsonValueKind.Number:
                var number = e.GetDouble();
                return double.IsFinite(number) ? new NumberLiteral(number) : throw new FilterException("A number is not finite.");
            case JsonValueKind.True or JsonValueKind.False:
                return new BooleanLiteral(e.GetBoolean());
            case JsonValueKind.Object:
                if (e.TryGetProperty("property", out var property))
                {
                    return property.ValueKind == JsonValueKind.String && property.GetString() is { Length: > 0 and <= 256 } name
                        ? new PropertyReference(name)
                        : throw new FilterException("\"property\" names a property (1 to 256 characters).");
                }

                if (e.TryGetProperty("date", out var date))
                {
                    return Cql2TextParser.Instant(String(date, "date"), date: true);
                }

                if (e.TryGetProperty("timestamp", out var timestamp))
                {
                    return Cql2TextParser.Instant(String(timestamp, "timestamp"), date: false);
                }

                if (e.TryGetProperty("interval", out var interval))
                {
                    return Interval(interval, depth);
                }

                if (e.TryGetProperty("bbox", out _) || e.TryGetProperty("type", out _))
                {
                    throw new FilterException("A geometry literal can only be used in a spatial function (s_intersects…).");
                }

                var (op, args) = Operation(e);
                if (op.Equals("casei", StringComparison.OrdinalIgnoreCase))
                {
                    return new CaseInsensitive(Scalar(Single(op, args), depth + 1));
                }

                if (op.Equals("accenti", StringComparison.OrdinalIgnoreCase))
                {
                    return new AccentInsensitive(Scalar(Single(op, args), depth + 1));
                }

                if (Cql2Functions.Arithmetic.Contains(op))
                {
                    throw Cql2Functions.ArithmeticNotSupported();
                }

                throw Cql2Functions.UnknownFunction(op);
            case JsonValueKind.Array:
                throw Cql2Functions.ArraysNotSupported();
            default:
                throw new FilterException("null is not a value in CQL2; use isNull.");
        }
    }

    private Expression Pattern(JsonElement e, int depth)
    {
        var pattern = Scalar(e, depth);
        return Unfolded(pattern) is StringLiteral ? pattern : throw new FilterException("The pattern of 'like' must be a string.");

        static Expression Unfolded(Expression x) => x switch
        {
            CaseInsensitive c => Unfolded(c.Operand),
            AccentInsensitive a => Unfolded(a.Operand),
            _ => x,
        };
    }

    private IntervalExpression Interval(JsonElement interval, int depth)
    {
        if (interval.ValueKind != JsonValueKind.Array || interval.GetArrayLength() != 2)
        {
            throw new FilterException("An interval is an array of two ends.");
        }

        var ends = interval.EnumerateArray().Select(end => end.ValueKind == JsonValueKind.String
            ? Cql2TextParser.IntervalEnd(end.GetString()!)
            : Scalar(end, depth + 1) is PropertyReference p ? p : throw new FilterException("An interval's ends are dates, timestamps, '..' or properties.")).ToList();
        return new IntervalExpression(ends[0], ends[1]);
    }

    private (Expression?, NetTopologySuite.Geometries.Geometry?) GeometryArgument(JsonElement e, int depth)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("bbox", out var bbox) && !e.TryGetProperty("type", out _))
        {
            if (bbox.ValueKind != JsonValueKind.Array || bbox.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.Number))
            {
                throw new FilterException("A bbox is an array of 4 (or 6) numbers.");
            }

            return (null, geometries.FromBbox(bbox.EnumerateArray().Select(n => n.GetDouble()).ToList()));
        }

        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out _) && !e.TryGetProperty("op", out _))
        {
            return (null, geometries.FromGeoJson(e));
        }

        return Scalar(e, depth) is PropertyReference property
            ? (property, null)
            : throw new FilterException("A spatial function compares a geometry property with a geometry literal (GeoJSON or bbox).");
    }

    private Expression TemporalArgument(JsonElement e, int depth)
    {
        var value = Scalar(e, depth);
        return value is PropertyReference or DateLiteral or TimestampLiteral or IntervalExpression
            ? value
            : throw new FilterException("A temporal function compares dates, timestamps, intervals or properties.");
    }

    private static string String(JsonElement e, string member) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FilterException($"\"{member}\" is a string.");
}
