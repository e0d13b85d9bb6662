using System.Globalization;
using System.Xml.Linq;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Core.Values;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Features;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Gml;

namespace EnvGis.Ows.Filters;

/// <summary>
/// Parses a Filter Encoding 2.0 (<c>fes:</c>) or 1.1/1.0 (<c>ogc:</c>) filter into the shared filter
/// tree (docs/filters.md): <c>matchCase="false"</c> folds both sides to lower case, LIKE wildcards
/// become the canonical pattern, During/After/Before compare the validity period (or a date
/// property) with GML times read by the one time rule. Anything not understood is refused with an
/// exception naming the <c>filter</c> locator; nesting is limited to <see cref="MaxDepth"/> levels.
/// </summary>
public sealed class FesParser(CrsReference defaultCrs, bool forceXy = false)
{
    public const int MaxDepth = FilterLimits.MaxDepth;
    public const string Fes20 = "http://www.opengis.net/fes/2.0";
    public const string Locator = "filter";

    private readonly GmlGeometryReader geometries = new(defaultCrs, forceXy);

    public static bool IsFilterNamespace(XNamespace ns) =>
        ns == Fes20 || ns == OwsXml.Ogc || ns == XNamespace.None;

    /// <summary>Parses a filter given as text (KVP FILTER), through the safe XML reader.</summary>
    public FilterNode Parse(string xml)
    {
        var filter = SafeXml.Parse(xml, Locator);
        RequestLimits.Check(filter.DescendantsAndSelf().Take(RequestLimits.MaxQueryElements + 1).Count(), RequestLimits.MaxQueryElements,
            "XML elements in the filter", Locator);
        return Parse(filter);
    }

    public FilterNode Parse(XElement filter)
    {
        if (filter.Name.LocalName != "Filter" || !IsFilterNamespace(filter.Name.Namespace))
        {
            throw Invalid($"Expected a Filter element, found '{filter.Name.LocalName}'.");
        }

        var children = filter.Elements().ToList();
        if (children.Count == 0)
        {
            throw Invalid("The filter is empty.");
        }

        // Several id elements directly under Filter form one id set (FES 1.1 and 2.0 both allow it).
        if (children.All(c => c.Name.LocalName is "ResourceId" or "FeatureId" or "GmlObjectId"))
        {
            return new ResourceIdNode(children.Select(IdOf).ToList());
        }

        if (children.Count > 1)
        {
            throw Invalid("A filter holds one operator; combine several with And or Or.");
        }

        return Node(children[0], 1);
    }

    private FilterNode Node(XElement e, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Invalid($"The filter is nested more than {MaxDepth} levels deep.");
        }

        if (!IsFilterNamespace(e.Name.Namespace))
        {
            throw Invalid($"'{e.Name.LocalName}' in namespace '{e.Name.NamespaceName}' is not a filter operator.");
        }

        var name = e.Name.LocalName;
        switch (name)
        {
            case "And":
            case "Or":
            {
                var operands = e.Elements().Select(c => Node(c, depth + 1)).ToList();
                if (operands.Count < 1)
                {
                    throw Invalid($"{name} needs operands.");
                }

                return name == "And" ? new AndNode(operands) : new OrNode(operands);
            }

            case "Not":
                return e.Elements().ToList() is [var single] ? new NotNode(Node(single, depth + 1)) : throw Invalid("Not takes exactly one operand.");
            case "PropertyIsEqualTo":
                return Comparison(ComparisonOperator.EqualTo, e);
            case "PropertyIsNotEqualTo":
                return Comparison(ComparisonOperator.NotEqualTo, e);
            case "PropertyIsLessThan":
                return Comparison(ComparisonOperator.LessThan, e);
            case "PropertyIsLessThanOrEqualTo":
                return Comparison(ComparisonOperator.LessThanOrEqualTo, e);
            case "PropertyIsGreaterThan":
                return Comparison(ComparisonOperator.GreaterThan, e);
            case "PropertyIsGreaterThanOrEqualTo":
                return Comparison(ComparisonOperator.GreaterThanOrEqualTo, e);
            case "PropertyIsLike":
                return Like(e);
            case "PropertyIsNull":
            case "PropertyIsNil":
                return new NullNode(Operands(e, 1)[0] as PropertyReference ?? throw Invalid($"{name} needs a property."));
            case "PropertyIsBetween":
            {
                var value = Expression(e.Elements().FirstOrDefault() ?? throw Invalid("PropertyIsBetween needs an expression."));
                var lower = Boundary(e, "LowerBoundary");
                var upper = Boundary(e, "UpperBoundary");
                return new BetweenNode(value, lower, upper);
            }

            case "BBOX":
                return Spatial(SpatialOperator.BBOX, e);
            case "Intersects":
                return Spatial(SpatialOperator.Intersects, e);
            case "Within":
                return Spatial(SpatialOperator.Within, e);
            case "Contains":
                return Spatial(SpatialOperator.Contains, e);
            case "Disjoint":
                return Spatial(SpatialOperator.Disjoint, e);
            case "Touches":
                return Spatial(SpatialOperator.Touches, e);
            case "Overlaps":
                return Spatial(SpatialOperator.Overlaps, e);
            case "Crosses":
                return Spatial(SpatialOperator.Crosses, e);
            case "Equals":
                return Spatial(SpatialOperator.Equals, e);
            case "DWithin":
                return Distance(DistanceOperator.DWithin, e);
            case "Beyond":
                return Distance(DistanceOperator.Beyond, e);
            case "During":
                return Temporal(TemporalOperator.Within, e); // FES During includes the ends (docs/filters.md)
            case "After":
                return Temporal(TemporalOperator.After, e);
            case "Before":
                return Temporal(TemporalOperator.Before, e);
            case "ResourceId":
            case "FeatureId":
            case "GmlObjectId":
                return new ResourceIdNode([IdOf(e)]);
            default:
                throw new OwsException(OwsException.InvalidParameterValue, $"The filter operator '{name}' is not supported.", Locator);
        }
    }

    private FilterNode Comparison(ComparisonOperator op, XElement e)
    {
        var operands = Operands(e, 2);
        return MatchCase(e)
            ? new ComparisonNode(op, operands[0], operands[1])
            : new ComparisonNode(op, new CaseInsensitive(operands[0]), new CaseInsensitive(operands[1]));
    }

    private static bool MatchCase(XElement e) => e.Attribute("matchCase")?.Value is not { } value || !string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase) && value.Trim() != "0";

    private FilterNode Like(XElement e)
    {
        var operands = Operands(e, 2);
        if (operands[0] is not PropertyReference property || operands[1] is not TextLiteral pattern)
        {
            throw Invalid("PropertyIsLike compares a property with a literal pattern.");
        }

        char Char(string attribute, params string[] alternatives)
        {
            var value = alternatives.Prepend(attribute).Select(a => e.Attribute(a)?.Value).FirstOrDefault(v => v is not null);
            return value is { Length: 1 } ? value[0] : throw Invalid($"PropertyIsLike needs a single character in '{attribute}'.");
        }

        var canonical = new TextLiteral(LikePattern.FromWildcards(pattern.Text, Char("wildCard").ToString(), Char("singleChar").ToString(),
            Char("escapeChar", "escape").ToString()));
        return MatchCase(e)
            ? new LikeNode(property, canonical)
            : new LikeNode(new CaseInsensitive(property), new CaseInsensitive(canonical));
    }

    private Expression Boundary(XElement e, string name)
    {
        var boundary = e.Elements().FirstOrDefault(c => c.Name.LocalName == name) ?? throw Invalid($"PropertyIsBetween needs {name}.");
        return Expression(boundary.Elements().FirstOrDefault() ?? throw Invalid($"{name} needs an expression."));
    }

    private List<Expression> Operands(XElement e, int count)
    {
        var operands = e.Elements().Select(Expression).ToList();
        return operands.Count == count ? operands : throw Invalid($"{e.Name.LocalName} takes {count} operand(s), found {operands.Count}.");
    }

    private static Expression Expression(XElement e) => e.Name.LocalName switch
    {
        "ValueReference" or "PropertyName" => new PropertyReference(NonEmpty(e)),
        "Literal" => new TextLiteral(e.Value),
        "Function" => throw new OwsException(OwsException.InvalidParameterValue, "Filter functions are not supported.", Locator),
        "Add" or "Sub" or "Mul" or "Div" => throw new OwsException(OwsException.InvalidParameterValue, "Arithmetic in filters is not supported.", Locator),
        _ => throw Invalid($"'{e.Name.LocalName}' is not an expression."),
    };

    private static string NonEmpty(XElement e) =>
        e.Value.Trim() is { Length: > 0 } value ? value : throw Invalid($"An empty {e.Name.LocalName}.");

    private FilterNode Spatial(SpatialOperator op, XElement e)
    {
        var (property, geometry) = PropertyAndGeometry(e);
        return new SpatialNode(op, property, geometry);
    }

    private FilterNode Distance(DistanceOperator op, XElement e)
    {
        var (property, geometry) = PropertyAndGeometry(e);
        var distance = e.Elements().FirstOrDefault(c => c.Name.LocalName == "Distance") ?? throw Invalid($"{op} needs a Distance.");
        if (!double.TryParse(distance.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
        {
            throw Invalid($"'{distance.Value}' is not a distance.");
        }

        var units = distance.Attribute("uom")?.Value ?? distance.Attribute("units")?.Value ?? "m";
        return new DistanceNode(op, property, geometry, value, units);
    }

    private (PropertyReference?, NetTopologySuite.Geometries.Geometry) PropertyAndGeometry(XElement e)
    {
        PropertyReference? property = null;
        NetTopologySuite.Geometries.Geometry? geometry = null;
        foreach (var child in e.Elements())
        {
            if (child.Name.LocalName is "ValueReference" or "PropertyName")
            {
                property = new PropertyReference(NonEmpty(child));
            }
            else if (GmlGeometryReader.IsGml(child.Name))
            {
                geometry = geometries.Read(child, Locator).Geometry;
            }
            else if (child.Name.LocalName == "Literal" && child.Elements().FirstOrDefault() is { } inner && GmlGeometryReader.IsGml(inner.Name))
            {
                geometry = geometries.Read(inner, Locator).Geometry;
            }
            else if (child.Name.LocalName != "Distance")
            {
                throw Invalid($"'{child.Name.LocalName}' is not allowed in {e.Name.LocalName}.");
            }
        }

        return (property, geometry ?? throw Invalid($"{e.Name.LocalName} needs a GML geometry."));
    }

    private FilterNode Temporal(TemporalOperator op, XElement e)
    {
        PropertyReference? property = null;
        Expression? time = null;
        foreach (var child in e.Elements())
        {
            if (child.Name.LocalName is "ValueReference" or "PropertyName")
            {
                property = new PropertyReference(NonEmpty(child));
            }
            else if (child.Name.LocalName == "Literal" && child.Elements().FirstOrDefault() is { } inner)
            {
                time = Time(inner);
            }
            else
            {
                time = Time(child);
            }
        }

        // No property, or "validity": the records' validity period [valid_from, valid_to].
        var subject = property is null || FeatureType.LocalName(property.Name) == PublicColumns.ValidityPeriod
            ? new PropertyReference(PublicColumns.ValidityPeriod)
            : property;
        return new TemporalNode(op, subject, time ?? throw Invalid($"{op} needs a gml:TimeInstant or gml:TimePeriod."));
    }

    private static Expression Time(XElement e)
    {
        switch (e.Name.LocalName)
        {
            case "TimeInstant":
                return Instant(e);

            case "TimePeriod":
            {
                var begin = Position(e, "beginPosition", "begin");
                var end = Position(e, "endPosition", "end");
                return FilterValues.Compare(Value(begin), Value(end)) is > 0
                    ? throw Invalid("The time period ends before it begins.")
                    : new IntervalExpression(begin, end);
            }

            default:
                throw Invalid($"'{e.Name.LocalName}' is not a time instant or period.");
        }

        static object Value(Expression time) => time is DateLiteral d ? d.Value : ((TimestampLiteral)time).Value;
    }

    private static Expression Position(XElement period, string positionName, string propertyName)
    {
        if (period.Elements().FirstOrDefault(c => c.Name.LocalName == positionName) is { } position)
        {
            return ParseTime(position.Value);
        }

        var property = period.Elements().FirstOrDefault(c => c.Name.LocalName == propertyName)
            ?? throw Invalid($"The time period needs {positionName}.");
        return Instant(property.Elements().FirstOrDefault() ?? throw Invalid($"The {propertyName} needs a TimeInstant."));
    }

    private static Expression Instant(XElement instant) =>
        instant.Elements().FirstOrDefault(c => c.Name.LocalName == "timePosition") is { } position
            ? ParseTime(position.Value)
            : throw Invalid("A TimeInstant needs a timePosition.");

    /// <summary>An xs:date (a local day) or xs:dateTime (an instant; no zone is Việt Nam time), by the time rule of <see cref="CityTime"/>.</summary>
    public static Expression ParseTime(string text)
    {
        try
        {
            return CityTime.ParseDateOrInstant(text) switch
            {
                DateOnly day => new DateLiteral(day),
                DateTimeOffset instant => new TimestampLiteral(instant),
                _ => throw Invalid($"'{text}' is not a date or date-time."),
            };
        }
        catch (FormatException e)
        {
            throw Invalid(e.Message);
        }
    }

    private static string IdOf(XElement e)
    {
        var id = e.Attribute("rid")?.Value ?? e.Attribute("fid")?.Value
            ?? e.Attributes().FirstOrDefault(a => a.Name.LocalName == "id")?.Value;
        return id is { Length: > 0 } ? id.Trim() : throw Invalid($"{e.Name.LocalName} needs an id.");
    }

    private static OwsException Invalid(string message) => new(OwsException.InvalidParameterValue, message, Locator);
}
