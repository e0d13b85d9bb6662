using System.Xml.Linq;
using EnvGis.Core.Filters;

namespace EnvGis.Core.Styling;

/// <summary>
/// ogc:Filter to the shared filter tree (docs/filters.md): comparisons of a property with a literal,
/// Like, Null, Between, And, Or, Not, the subset the portal's style JSON can carry. Anything else
/// (spatial operators, FeatureId, Function, arithmetic) gives a warning and null, and the rule is left out.
/// </summary>
internal sealed class SldFilterReader(SldContext context)
{
    public FilterNode? Read(XElement filter)
    {
        var operators = filter.Elements().ToList();
        if (operators.Count != 1)
        {
            context.Warn(filter, $"<Filter> holds {operators.Count} operators; exactly one is supported");
            return null;
        }
        return Operator(operators[0]);
    }

    private FilterNode? Operator(XElement element)
    {
        if (element.Name.NamespaceName != SldContext.OgcNamespace)
        {
            return Unsupported(element);
        }
        return element.Name.LocalName switch
        {
            "PropertyIsEqualTo" or "PropertyIsNotEqualTo" or "PropertyIsLessThan" or "PropertyIsLessThanOrEqualTo"
                or "PropertyIsGreaterThan" or "PropertyIsGreaterThanOrEqualTo" => Comparison(element),
            "PropertyIsLike" => Like(element),
            "PropertyIsNull" => IsNull(element),
            "PropertyIsBetween" => Between(element),
            "And" or "Or" => Logical(element),
            "Not" => Not(element),
            _ => Unsupported(element),
        };
    }

    private FilterNode? Comparison(XElement element)
    {
        if ((string?)element.Attribute("matchCase") == "false")
        {
            context.Warn(element, "matchCase=\"false\" is not supported (comparisons are case-sensitive)");
            return null;
        }
        var operands = element.Elements().ToList();
        if (operands.Count != 2)
        {
            return Malformed(element, "needs two operands");
        }
        var (property, literal, swapped) = (PropertyName(operands[0]), Literal(operands[1]), false);
        if (property is null || literal is null)
        {
            (property, literal, swapped) = (PropertyName(operands[1]), Literal(operands[0]), true);
        }
        if (property is null || literal is null)
        {
            context.Warn(element, $"<{element.Name.LocalName}> is supported only between a PropertyName and a Literal");
            return null;
        }
        // "5 < aqi" is "aqi > 5": swapping the operands mirrors the ordering operators.
        var op = (element.Name.LocalName, swapped) switch
        {
            ("PropertyIsEqualTo", _) => ComparisonOperator.EqualTo,
            ("PropertyIsNotEqualTo", _) => ComparisonOperator.NotEqualTo,
            ("PropertyIsLessThan", false) or ("PropertyIsGreaterThan", true) => ComparisonOperator.LessThan,
            ("PropertyIsLessThanOrEqualTo", false) or ("PropertyIsGreaterThanOrEqualTo", true) => ComparisonOperator.LessThanOrEqualTo,
            ("PropertyIsGreaterThan", false) or ("PropertyIsLessThan", true) => ComparisonOperator.GreaterThan,
            _ => ComparisonOperator.GreaterThanOrEqualTo,
        };
        return new ComparisonNode(op, new PropertyReference(property), literal);
    }

    private FilterNode? Like(XElement element)
    {
        var operands = element.Elements().ToList();
        var property = operands.Count == 2 ? PropertyName(operands[0]) : null;
        var pattern = operands.Count == 2 && SldContext.IsOgc(operands[1], "Literal") && !operands[1].HasElements
            ? operands[1].Value
            : null;
        if (property is null || pattern is null)
        {
            return Malformed(element, "needs a PropertyName and a Literal pattern");
        }
        // Filter 1.0 calls the escape attribute "escape", 1.1 "escapeChar".
        var canonical = LikePattern.FromWildcards(
            pattern,
            (string?)element.Attribute("wildCard") ?? "*",
            (string?)element.Attribute("singleChar") ?? ".",
            (string?)element.Attribute("escapeChar") ?? (string?)element.Attribute("escape") ?? "!");
        return new LikeNode(new PropertyReference(property), new TextLiteral(canonical));
    }

    private FilterNode? IsNull(XElement element)
    {
        var operands = element.Elements().ToList();
        var property = operands.Count == 1 ? PropertyName(operands[0]) : null;
        return property is null ? Malformed(element, "needs one PropertyName") : new NullNode(new PropertyReference(property));
    }

    private FilterNode? Between(XElement element)
    {
        var operands = element.Elements().ToList();
        if (operands.Count != 3 || PropertyName(operands[0]) is not { } property
            || !SldContext.IsOgc(operands[1], "LowerBoundary") || !SldContext.IsOgc(operands[2], "UpperBoundary"))
        {
            return Malformed(element, "needs a PropertyName, a LowerBoundary and an UpperBoundary");
        }
        var lower = Boundary(operands[1]);
        var upper = Boundary(operands[2]);
        return lower is null || upper is null
            ? Malformed(element, "boundaries must be Literals")
            : new BetweenNode(new PropertyReference(property), lower, upper);
    }

    private FilterNode? Logical(XElement element)
    {
        var operands = new List<FilterNode>();
        foreach (var child in element.Elements())
        {
            if (Operator(child) is not { } operand)
            {
                return null;
            }
            operands.Add(operand);
        }
        if (operands.Count < 2)
        {
            return Malformed(element, "needs two or more operators");
        }
        return element.Name.LocalName == "And" ? new AndNode(operands.AsReadOnly()) : new OrNode(operands.AsReadOnly());
    }

    private FilterNode? Not(XElement element)
    {
        var operands = element.Elements().ToList();
        if (operands.Count != 1)
        {
            return Malformed(element, "needs exactly one operator");
        }
        return Operator(operands[0]) is { } operand ? new NotNode(operand) : null;
    }

    private static TextLiteral? Boundary(XElement boundary)
    {
        var expressions = boundary.Elements().ToList();
        return expressions.Count == 1 ? Literal(expressions[0]) : null;
    }

    private static string? PropertyName(XElement element) =>
        SldContext.IsOgc(element, "PropertyName") && !element.HasElements && element.Value.Trim() is { Length: > 0 } name
            ? name
            : null;

    /// <summary>An untyped literal: it takes the type of the value it meets (docs/filters.md).</summary>
    private static TextLiteral? Literal(XElement element) =>
        SldContext.IsOgc(element, "Literal") && !element.HasElements ? new TextLiteral(element.Value) : null;

    private FilterNode? Unsupported(XElement element)
    {
        context.Warn(element, $"filter operator <{element.Name.LocalName}> is not supported");
        return null;
    }

    private FilterNode? Malformed(XElement element, string problem)
    {
        context.Warn(element, $"<{element.Name.LocalName}> {problem}");
        return null;
    }
}
