using System.Xml.Linq;

namespace EnvGis.Core.Styling;

/// <summary>
/// ogc:Filter to <see cref="StyleFilter"/>: comparisons of a property with a literal, Like, Null,
/// Between, And, Or, Not. Anything else (spatial operators, FeatureId, Function, arithmetic) gives a
/// warning and null, and the rule is left out.
/// </summary>
internal sealed class SldFilterReader(SldContext context)
{
    public StyleFilter? Read(XElement filter)
    {
        var operators = filter.Elements().ToList();
        if (operators.Count != 1)
        {
            context.Warn(filter, $"<Filter> holds {operators.Count} operators; exactly one is supported");
            return null;
        }
        return Operator(operators[0]);
    }

    private StyleFilter? Operator(XElement element)
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

    private StyleFilter? Comparison(XElement element)
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
        return (element.Name.LocalName, swapped) switch
        {
            ("PropertyIsEqualTo", _) => new EqualToFilter(property, literal),
            ("PropertyIsNotEqualTo", _) => new NotEqualToFilter(property, literal),
            ("PropertyIsLessThan", false) or ("PropertyIsGreaterThan", true) => new LessThanFilter(property, literal),
            ("PropertyIsLessThanOrEqualTo", false) or ("PropertyIsGreaterThanOrEqualTo", true) => new LessThanOrEqualToFilter(property, literal),
            ("PropertyIsGreaterThan", false) or ("PropertyIsLessThan", true) => new GreaterThanFilter(property, literal),
            _ => new GreaterThanOrEqualToFilter(property, literal),
        };
    }

    private StyleFilter? Like(XElement element)
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
        return new LikeFilter(
            property,
            pattern,
            (string?)element.Attribute("wildCard") ?? "*",
            (string?)element.Attribute("singleChar") ?? ".",
            (string?)element.Attribute("escapeChar") ?? (string?)element.Attribute("escape") ?? "!");
    }

    private StyleFilter? IsNull(XElement element)
    {
        var operands = element.Elements().ToList();
        var property = operands.Count == 1 ? PropertyName(operands[0]) : null;
        return property is null ? Malformed(element, "needs one PropertyName") : new IsNullFilter(property);
    }

    private StyleFilter? Between(XElement element)
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
            : new BetweenFilter(property, lower, upper);
    }

    private StyleFilter? Logical(XElement element)
    {
        var operands = new List<StyleFilter>();
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
        return element.Name.LocalName == "And" ? new AndFilter(operands.AsReadOnly()) : new OrFilter(operands.AsReadOnly());
    }

    private StyleFilter? Not(XElement element)
    {
        var operands = element.Elements().ToList();
        if (operands.Count != 1)
        {
            return Malformed(element, "needs exactly one operator");
        }
        return Operator(operands[0]) is { } operand ? new NotFilter(operand) : null;
    }

    private static object? Boundary(XElement boundary)
    {
        var expressions = boundary.Elements().ToList();
        return expressions.Count == 1 ? Literal(expressions[0]) : null;
    }

    private static string? PropertyName(XElement element) =>
        SldContext.IsOgc(element, "PropertyName") && !element.HasElements && element.Value.Trim() is { Length: > 0 } name
            ? name
            : null;

    private static object? Literal(XElement element) =>
        SldContext.IsOgc(element, "Literal") && !element.HasElements ? FilterValues.ParseLiteral(element.Value) : null;

    private StyleFilter? Unsupported(XElement element)
    {
        context.Warn(element, $"filter operator <{element.Name.LocalName}> is not supported");
        return null;
    }

    private StyleFilter? Malformed(XElement element, string problem)
    {
        context.Warn(element, $"<{element.Name.LocalName}> {problem}");
        return null;
    }
}
