using System.Globalization;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Data.Features;
using EnvGis.Data.Sql;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace EnvGis.Ows.Filters;

/// <summary>
/// The one place filters become SQL: walks a <see cref="FilterNode"/> tree for one feature type and
/// returns a boolean expression over the record alias <c>r</c>. Column names come only from the
/// catalogue (an unknown property is refused); every literal, geometry and id is a parameter.
/// </summary>
public sealed class FilterSqlGenerator
{
    /// <summary>The virtual property naming a record's validity period [valid_from, valid_to] in temporal filters.</summary>
    public const string ValidityPeriod = "validity";

    private readonly FeatureType type;
    private readonly List<NpgsqlParameter> parameters = [];

    private FilterSqlGenerator(FeatureType type) => this.type = type;

    public static SqlCondition Generate(FeatureType type, FilterNode? filter)
    {
        if (filter is null)
        {
            return SqlCondition.True;
        }

        var generator = new FilterSqlGenerator(type);
        var sql = generator.Node(filter, 0);
        return new SqlCondition(sql, generator.parameters);
    }

    private string Node(FilterNode node, int depth)
    {
        if (depth > FesParser.MaxDepth)
        {
            throw Invalid($"The filter is nested more than {FesParser.MaxDepth} levels deep.");
        }

        return node switch
        {
            AndNode and => Join(and.Operands, " AND ", depth),
            OrNode or => Join(or.Operands, " OR ", depth),
            NotNode not => $"NOT ({Node(not.Operand, depth + 1)})",
            ComparisonNode comparison => Comparison(comparison),
            LikeNode like => Like(like),
            NullNode isNull => $"{Column(Resolve(isNull.Property))} IS NULL",
            BetweenNode between => Between(between),
            SpatialNode spatial => Spatial(spatial),
            DistanceNode distance => Distance(distance),
            ResourceIdNode ids => ResourceIds(ids),
            TemporalNode temporal => Temporal(temporal),
            _ => throw Invalid($"The filter node {node.GetType().Name} is not supported."),
        };
    }

    private string Join(IReadOnlyList<FilterNode> operands, string separator, int depth) =>
        "(" + string.Join(separator, operands.Select(o => "(" + Node(o, depth + 1) + ")")) + ")";

    private static readonly Dictionary<ComparisonOperator, string> ComparisonSql = new()
    {
        [ComparisonOperator.EqualTo] = "=",
        [ComparisonOperator.NotEqualTo] = "<>",
        [ComparisonOperator.LessThan] = "<",
        [ComparisonOperator.LessThanOrEqualTo] = "<=",
        [ComparisonOperator.GreaterThan] = ">",
        [ComparisonOperator.GreaterThanOrEqualTo] = ">=",
    };

    private string Comparison(ComparisonNode node)
    {
        var (left, right, text) = Operands(node.Left, node.Right);
        if (text && !node.MatchCase)
        {
            (left, right) = ($"lower({left})", $"lower({right})");
        }

        return $"{left} {ComparisonSql[node.Operator]} {right}";
    }

    private string Between(BetweenNode node)
    {
        var (value, lower, _) = Operands(node.Value, node.Lower);
        var (_, upper, _) = Operands(node.Value, node.Upper);
        return $"{value} BETWEEN {lower} AND {upper}";
    }

    /// <summary>Both operands as SQL, literals typed from the property on the other side; whether the comparison is textual.</summary>
    private (string Left, string Right, bool Text) Operands(Expression left, Expression right)
    {
        var leftProperty = left is PropertyReference l ? Value(l) : null;
        var rightProperty = right is PropertyReference r ? Value(r) : null;
        var type = leftProperty?.Type ?? rightProperty?.Type ?? AttributeType.Text;
        if (leftProperty is not null && rightProperty is not null && leftProperty.Type != rightProperty.Type)
        {
            throw Invalid($"'{leftProperty.Name}' and '{rightProperty.Name}' have different types and cannot be compared.");
        }

        return (Operand(left, leftProperty, type), Operand(right, rightProperty, type), type == AttributeType.Text);
    }

    private string Operand(Expression expression, FeatureProperty? property, AttributeType type) =>
        property is not null ? Column(property) : Parameter(TypedLiteral(((Literal)expression).Value, type));

    private string Like(LikeNode node)
    {
        var property = Value(node.Property);
        var column = property.Type == AttributeType.Text ? Column(property) : $"{Column(property)}::text";
        var pattern = new System.Text.StringBuilder();
        for (var i = 0; i < node.Pattern.Length; i++)
        {
            var c = node.Pattern[i];
            if (c == node.Escape && i + 1 < node.Pattern.Length)
            {
                AppendLiteral(pattern, node.Pattern[++i]);
            }
            else if (c == node.WildCard)
            {
                pattern.Append('%');
            }
            else if (c == node.SingleChar)
            {
                pattern.Append('_');
            }
            else
            {
                AppendLiteral(pattern, c);
            }
        }

        return $"{column} {(node.MatchCase ? "LIKE" : "ILIKE")} {Parameter(pattern.ToString())} ESCAPE '\\'";
    }

    private static void AppendLiteral(System.Text.StringBuilder pattern, char c)
    {
        if (c is '%' or '_' or '\\')
        {
            pattern.Append('\\');
        }

        pattern.Append(c);
    }

    private static readonly Dictionary<SpatialOperator, string> SpatialSql = new()
    {
        [SpatialOperator.Intersects] = "ST_Intersects",
        [SpatialOperator.Within] = "ST_Within",
        [SpatialOperator.Contains] = "ST_Contains",
        [SpatialOperator.Disjoint] = "ST_Disjoint",
        [SpatialOperator.Touches] = "ST_Touches",
        [SpatialOperator.Overlaps] = "ST_Overlaps",
        [SpatialOperator.Crosses] = "ST_Crosses",
        [SpatialOperator.Equals] = "ST_Equals",
    };

    private string Spatial(SpatialNode node)
    {
        var column = Column(GeometryProperty(node.Property));
        var geometry = GeometryParameter(node.Geometry);
        return node.Operator == SpatialOperator.BBOX
            ? $"({column} && {geometry} AND ST_Intersects({column}, {geometry}))"
            : $"{SpatialSql[node.Operator]}({column}, {geometry})";
    }

    private string Distance(DistanceNode node)
    {
        var column = Column(GeometryProperty(node.Property));
        var geometry = GeometryParameter(node.Geometry);
        var (factor, degrees) = Units(node.Units);
        var distance = Parameter(node.Distance * factor);
        var within = degrees
            ? $"ST_DWithin({column}, {geometry}, {distance})"
            : $"ST_DWithin({column}::geography, ({geometry})::geography, {distance})";
        return node.Operator == DistanceOperator.DWithin ? within : $"NOT {within}";
    }

    /// <summary>Metres per unit (or degrees) for the units of measure DWithin/Beyond accept.</summary>
    private static (double Factor, bool Degrees) Units(string units)
    {
        var u = units.Trim().ToLowerInvariant();
        var code = u.Contains("epsg") ? u[(Math.Max(u.LastIndexOf(':'), u.LastIndexOf('/')) + 1)..] : null;
        return (u, code) switch
        {
            (_, "9001") or ("m" or "meter" or "meters" or "metre" or "metres", _) => (1, false),
            (_, "9036") or ("km" or "kilometer" or "kilometers" or "kilometre" or "kilometres", _) => (1000, false),
            (_, "9002") or ("ft" or "foot" or "feet", _) => (0.3048, false),
            (_, "9093") or ("mi" or "mile" or "miles", _) => (1609.344, false),
            (_, "9030") or ("nmi" or "nautical_mile" or "nautical_miles", _) => (1852, false),
            (_, "9102") or ("deg" or "degree" or "degrees", _) => (1, true),
            _ => throw new OwsException(OwsException.InvalidParameterValue, $"The unit of measure '{units}' is not supported; use m, km, ft, mi or deg.", "uom"),
        };
    }

    private string ResourceIds(ResourceIdNode node)
    {
        var ids = new List<long>();
        var prefix = type.Name + ".";
        foreach (var id in node.Ids)
        {
            // Ids of other types select nothing here; they select in their own query.
            if (id.StartsWith(prefix, StringComparison.Ordinal)
                && long.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                ids.Add(value);
            }
        }

        return ids.Count == 0 ? "FALSE" : $"r.{SqlIdentifier.Quote(RecordMetadata.Id)} = ANY({Parameter(ids.ToArray())})";
    }

    private string Temporal(TemporalNode node)
    {
        var begin = Parameter(DateTime.SpecifyKind(node.Begin, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
        var end = node.End == node.Begin ? begin : Parameter(DateTime.SpecifyKind(node.End, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
        if (node.Property is null || FeatureType.LocalName(node.Property.Name) == ValidityPeriod)
        {
            var from = $"r.{SqlIdentifier.Quote(RecordMetadata.ValidFrom)}::timestamp";
            var to = $"r.{SqlIdentifier.Quote(RecordMetadata.ValidTo)}::timestamp";
            return node.Operator switch
            {
                TemporalOperator.During => $"({from} >= {begin} AND {to} <= {end})",
                TemporalOperator.After => $"{from} > {end}",
                _ => $"{to} < {begin}",
            };
        }

        var property = Value(node.Property);
        var instant = property.Type switch
        {
            AttributeType.Date => $"{Column(property)}::timestamp",
            AttributeType.DateTime => $"({Column(property)} AT TIME ZONE 'UTC')",
            _ => throw Invalid($"'{property.Name}' is not a date or time; temporal operators need one (or '{ValidityPeriod}')."),
        };
        return node.Operator switch
        {
            TemporalOperator.During => $"({instant} >= {begin} AND {instant} <= {end})",
            TemporalOperator.After => $"{instant} > {end}",
            _ => $"{instant} < {begin}",
        };
    }

    private FeatureProperty Resolve(PropertyReference reference) =>
        type.Find(reference.Name)
        ?? throw Invalid($"The feature type {type.QualifiedName} has no property '{reference.Name}'.");

    private FeatureProperty Value(PropertyReference reference)
    {
        var property = Resolve(reference);
        return property.IsGeometry ? throw Invalid($"'{property.Name}' is a geometry; compare it with a spatial operator.") : property;
    }

    private FeatureProperty GeometryProperty(PropertyReference? reference)
    {
        if (reference is null)
        {
            return type.Geometry;
        }

        var property = Resolve(reference);
        return property.IsGeometry ? property : throw Invalid($"'{property.Name}' is not a geometry property.");
    }

    private static string Column(FeatureProperty property) => "r." + SqlIdentifier.Quote(property.Name);

    private string GeometryParameter(Geometry geometry)
    {
        var parameter = Parameter(geometry);
        return geometry.SRID == 4326 ? parameter : $"ST_Transform({parameter}, 4326)";
    }

    private string Parameter(object value, NpgsqlDbType? dbType = null)
    {
        var name = "f" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        var parameter = new NpgsqlParameter(name, value);
        if (dbType is { } t)
        {
            parameter.NpgsqlDbType = t;
        }

        parameters.Add(parameter);
        return "@" + name;
    }

    /// <summary>A literal as the CLR value of the property type, or an exception saying why it is not one.</summary>
    public static object TypedLiteral(string text, AttributeType type)
    {
        var value = text.Trim();
        object? typed = type switch
        {
            AttributeType.Text => text,
            AttributeType.Integer => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i
                : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
            AttributeType.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null,
            AttributeType.Boolean => value.ToLowerInvariant() switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                _ => null,
            },
            AttributeType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
                : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt) ? DateOnly.FromDateTime(dt.UtcDateTime) : null,
            AttributeType.DateTime => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.UtcDateTime : null,
            _ => null,
        };
        return typed ?? throw Invalid($"'{text}' is not a valid {type.Name()} value.");
    }

    private static OwsException Invalid(string message) => new(OwsException.InvalidParameterValue, message, FesParser.Locator);
}
