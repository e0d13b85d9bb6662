using System.Text.RegularExpressions;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Values;
using NetTopologySuite.Geometries;

namespace EnvGis.Core.Filters;

/// <summary>
/// The one in-memory evaluator of filters (style rules, tests, and any filter that must be checked
/// without the database). Three-valued like SQL: a comparison with a missing value is unknown, Not of
/// unknown is unknown, and only true accepts. Values come from <c>getValue</c> by property name;
/// when <c>types</c> knows a property's attribute type, its values are typed through
/// <see cref="TypedValues"/> exactly as the database column would be.
/// </summary>
public sealed class FilterEvaluator(Func<string, AttributeType?>? types = null)
{
    /// <summary>The name under which <c>getValue</c> gives the feature id (&lt;layer&gt;.&lt;id&gt;) for ResourceId filters.</summary>
    public const string FeatureIdProperty = "@id";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>An evaluator that types values by what they are (no catalogue at hand).</summary>
    public static FilterEvaluator Untyped { get; } = new();

    /// <summary>True when the filter holds (a null filter accepts everything).</summary>
    public bool Accepts(FilterNode? filter, Func<string, object?> getValue) => filter is null || Evaluate(filter, getValue) == true;

    public bool? Evaluate(FilterNode node, Func<string, object?> getValue) => node switch
    {
        AndNode and => All(and.Operands, getValue),
        OrNode or => Any(or.Operands, getValue),
        NotNode not => !Evaluate(not.Operand, getValue),
        BooleanNode constant => constant.Value,
        ComparisonNode c => FilterValues.Compare(Value(c.Left, getValue), Value(c.Right, getValue)) is { } order
            ? TemporalRelations.Holds(c.Operator, order) : null,
        LikeNode like => Like(like, getValue),
        BetweenNode b => Between(b, getValue),
        InNode i => In(i, getValue),
        NullNode n => Value(n.Value, getValue) is null,
        SpatialNode s => Spatial(s, getValue),
        DistanceNode d => Distance(d, getValue),
        ResourceIdNode ids => getValue(FeatureIdProperty) is string id ? ids.Ids.Contains(id, StringComparer.Ordinal) : null,
        TemporalNode t => Temporal(t, getValue),
        _ => throw FilterException.NotSupported($"The filter node {node.GetType().Name} cannot be evaluated."),
    };

    private bool? All(IReadOnlyList<FilterNode> operands, Func<string, object?> getValue)
    {
        bool? result = true;
        foreach (var operand in operands)
        {
            var value = Evaluate(operand, getValue);
            if (value == false)
            {
                return false;
            }

            result = value is null ? null : result;
        }

        return result;
    }

    private bool? Any(IReadOnlyList<FilterNode> operands, Func<string, object?> getValue)
    {
        bool? result = false;
        foreach (var operand in operands)
        {
            var value = Evaluate(operand, getValue);
            if (value == true)
            {
                return true;
            }

            result = value is null ? null : result;
        }

        return result;
    }

    /// <summary>A value as a plain CLR value, an untyped literal, or null.</summary>
    private object? Value(Expression expression, Func<string, object?> getValue) => expression switch
    {
        PropertyReference p => Typed(p.Name, FilterValues.Unwrap(getValue(p.Name))),
        TextLiteral t => new FilterValues.Untyped(t.Text),
        StringLiteral s => s.Value,
        NumberLiteral n => n.Value,
        BooleanLiteral b => b.Value,
        DateLiteral d => d.Value,
        TimestampLiteral t => t.Value,
        CaseInsensitive c => Fold(Value(c.Operand, getValue), TextFolding.Case),
        AccentInsensitive a => Fold(Value(a.Operand, getValue), TextFolding.Accents),
        _ => throw FilterException.NotSupported($"'{expression.GetType().Name}' is not a value."),
    };

    private object? Typed(string name, object? value)
    {
        if (value is string text && types?.Invoke(name) is { } type and not AttributeType.Text)
        {
            try
            {
                return FilterValues.Unwrap(TypedValues.Parse(text, type));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return value;
    }

    /// <summary>Folding applies to text; other values are left as they are (as in the SQL generator).</summary>
    private static object? Fold(object? value, Func<string, string> fold) => value switch
    {
        FilterValues.Untyped u => new FilterValues.Untyped(fold(u.Text)),
        string text => fold(text),
        _ => value,
    };

    private bool? Like(LikeNode like, Func<string, object?> getValue)
    {
        var text = FilterValues.ToText(Value(like.Value, getValue));
        var pattern = FilterValues.ToText(Value(like.Pattern, getValue));
        if (text is null || pattern is null)
        {
            return null;
        }

        LikePattern.Check(pattern);
        try
        {
            return Regex.IsMatch(text, LikePattern.ToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private bool? Between(BetweenNode between, Func<string, object?> getValue)
    {
        var value = Value(between.Value, getValue);
        var low = FilterValues.Compare(value, Value(between.Lower, getValue));
        var high = FilterValues.Compare(value, Value(between.Upper, getValue));
        return low is null || high is null ? null : low >= 0 && high <= 0;
    }

    private bool? In(InNode node, Func<string, object?> getValue)
    {
        var value = Value(node.Value, getValue);
        bool? result = false;
        foreach (var item in node.List)
        {
            switch (FilterValues.Compare(value, Value(item, getValue)))
            {
                case 0:
                    return true;
                case null:
                    result = null;
                    break;
            }
        }

        return result;
    }

    private static bool? Spatial(SpatialNode node, Func<string, object?> getValue)
    {
        if (getValue(node.Property?.Name ?? RecordMetadata.Geometry) is not Geometry geometry || !SameCrs(geometry, node.Geometry))
        {
            return null;
        }

        var literal = node.Geometry;
        return node.Operator switch
        {
            SpatialOperator.BBOX => geometry.EnvelopeInternal.Intersects(literal.EnvelopeInternal) && geometry.Intersects(literal),
            SpatialOperator.Intersects => geometry.Intersects(literal),
            SpatialOperator.Within => geometry.Within(literal),
            SpatialOperator.Contains => geometry.Contains(literal),
            SpatialOperator.Disjoint => geometry.Disjoint(literal),
            SpatialOperator.Touches => geometry.Touches(literal),
            SpatialOperator.Overlaps => geometry.Overlaps(literal),
            SpatialOperator.Crosses => geometry.Crosses(literal),
            _ => geometry.EqualsTopologically(literal),
        };
    }

    private static bool? Distance(DistanceNode node, Func<string, object?> getValue)
    {
        // Only distances in the geometries' own units can be measured without the database.
        var degrees = node.Units.Trim().ToLowerInvariant() is "deg" or "degree" or "degrees";
        if (!degrees || getValue(node.Property?.Name ?? RecordMetadata.Geometry) is not Geometry geometry || !SameCrs(geometry, node.Geometry))
        {
            return null;
        }

        var within = geometry.IsWithinDistance(node.Geometry, node.Distance);
        return node.Operator == DistanceOperator.DWithin ? within : !within;
    }

    private static bool SameCrs(Geometry a, Geometry b) => a.SRID == b.SRID || a.SRID <= 0 || b.SRID <= 0;

    private bool? Temporal(TemporalNode node, Func<string, object?> getValue)
    {
        TemporalOperands.Check(node);
        if (Period(node.Left, getValue) is not { } a || Period(node.Right, getValue) is not { } b)
        {
            return null;
        }

        // A day on either side makes the comparison one of days (docs/filters.md).
        var days = a.Start is DateOnly || a.End is DateOnly || b.Start is DateOnly || b.End is DateOnly;
        long? Position(object? end, bool start) => end switch
        {
            null => start ? long.MinValue : long.MaxValue,
            DateOnly d => days ? d.DayNumber : CityTime.StartOf(d).UtcTicks,
            DateTimeOffset t => days ? DayNumber(t) : t.UtcTicks,
            _ => null,
        };

        var ends = new Dictionary<Endpoint, long?>
        {
            [Endpoint.A1] = Position(a.Start, true),
            [Endpoint.A2] = Position(a.End, false),
            [Endpoint.B1] = Position(b.Start, true),
            [Endpoint.B2] = Position(b.End, false),
        };
        if (ends.Values.Any(v => v is null))
        {
            return null;
        }

        return TemporalRelations.Of(node.Operator).Any(alternative =>
            alternative.All(c => TemporalRelations.Holds(c.Operator, ends[c.Left]!.Value.CompareTo(ends[c.Right]!.Value))));
    }

    private static long? DayNumber(DateTimeOffset instant)
    {
        try
        {
            return CityTime.DayOf(instant).DayNumber;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The operand's ends (null: open), or null when an instant's value is missing.</summary>
    private (object? Start, object? End)? Period(Expression expression, Func<string, object?> getValue)
    {
        switch (expression)
        {
            case PropertyReference { Name: PublicColumns.ValidityPeriod }:
                return (End(new PropertyReference(RecordMetadata.ValidFrom)), End(new PropertyReference(RecordMetadata.ValidTo)));
            case IntervalExpression interval:
                return (End(interval.Start), End(interval.End));
            default:
                var instant = End(expression);
                return instant is null ? null : (instant, instant);
        }

        object? End(Expression end) => end is OpenBound ? null : Value(end, getValue) switch
        {
            FilterValues.Untyped u => CityTime.ParseDateOrInstant(u.Text),
            var v => v,
        };
    }
}
