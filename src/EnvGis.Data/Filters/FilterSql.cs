using System.Globalization;
using System.Text;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Core.Records;
using EnvGis.Core.Values;
using EnvGis.Data.Features;
using EnvGis.Data.Sql;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace EnvGis.Data.Filters;

/// <summary>
/// The one place filters become SQL, whatever language they were written in (FES, SLD, CQL2, WMS
/// TIME, OGC API parameters): walks a <see cref="FilterNode"/> tree for one layer and returns a
/// boolean expression over the record alias <c>r</c>. Column names come only from the layer's
/// <see cref="PublicColumns"/> (anything else is refused); every literal, geometry and id is a
/// parameter. Types, folding and the time rule are those of docs/filters.md.
/// </summary>
public sealed class FilterSql
{
    /// <summary>The names the layer's geometry answers to in filters (WFS says geom, OGC API geometry).</summary>
    public static readonly IReadOnlyList<string> GeometryNames = [RecordMetadata.Geometry, "geometry"];

    private const string Alias = "r";
    private readonly LayerDefinition layer;
    private readonly Func<string, string?> resolveName;
    private readonly string prefix;
    private readonly List<NpgsqlParameter> parameters = [];
    private int predicates;

    private FilterSql(LayerDefinition layer, Func<string, string?> resolveName, string prefix)
    {
        this.layer = layer;
        this.resolveName = resolveName;
        this.prefix = prefix;
    }

    /// <summary>
    /// The SQL of <paramref name="filter"/> over <paramref name="layer"/>. <paramref name="resolveName"/>
    /// turns a name as the request wrote it (e.g. <c>envgis:name</c>) into a column name, or null when
    /// it names nothing; parameters are named <paramref name="prefix"/>0, 1…
    /// </summary>
    public static SqlCondition Generate(LayerDefinition layer, FilterNode? filter, Func<string, string?>? resolveName = null, string prefix = "f")
    {
        if (filter is null)
        {
            return SqlCondition.True;
        }

        var generator = new FilterSql(layer, resolveName ?? (name => name), prefix);
        var sql = generator.Node(filter, 0);
        return new SqlCondition(sql, generator.parameters);
    }

    private string Node(FilterNode node, int depth)
    {
        if (depth > FilterLimits.MaxDepth)
        {
            throw new FilterException($"The filter is nested more than {FilterLimits.MaxDepth} levels deep.");
        }

        if (++predicates > FilterLimits.MaxPredicates)
        {
            throw new FilterException($"The filter has more than {FilterLimits.MaxPredicates} predicates.");
        }

        return node switch
        {
            AndNode and => Join(and.Operands, " AND ", depth),
            OrNode or => Join(or.Operands, " OR ", depth),
            NotNode not => $"NOT ({Node(not.Operand, depth + 1)})",
            BooleanNode constant => constant.Value ? "TRUE" : "FALSE",
            ComparisonNode comparison => Comparison(comparison),
            LikeNode like => Like(like),
            NullNode isNull => $"{NullOperand(isNull.Value)} IS NULL",
            BetweenNode between => Between(between),
            InNode inList => In(inList),
            SpatialNode spatial => Spatial(spatial),
            DistanceNode distance => Distance(distance),
            ResourceIdNode ids => ResourceIds(ids),
            TemporalNode temporal => TemporalSql.Relation(temporal, this),
            _ => throw FilterException.NotSupported($"The filter node {node.GetType().Name} is not supported."),
        };
    }

    private string Join(IReadOnlyList<FilterNode> operands, string separator, int depth) => operands.Count == 0
        ? (separator == " AND " ? "TRUE" : "FALSE")
        : "(" + string.Join(separator, operands.Select(o => "(" + Node(o, depth + 1) + ")")) + ")";

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
        var (left, right) = Pair(node.Left, node.Right);
        return $"{left} {ComparisonSql[node.Operator]} {right}";
    }

    private string Between(BetweenNode node)
    {
        var type = TypeOf(node.Value) ?? TypeOf(node.Lower) ?? TypeOf(node.Upper) ?? AttributeType.Text;
        return $"{Operand(node.Value, type)} BETWEEN {Operand(node.Lower, type)} AND {Operand(node.Upper, type)}";
    }

    private string In(InNode node)
    {
        if (node.List.Count is 0 or > FilterLimits.MaxListValues)
        {
            throw new FilterException($"An IN list holds 1 to {FilterLimits.MaxListValues} values.");
        }

        var type = TypeOf(node.Value) ?? node.List.Select(TypeOf).FirstOrDefault(t => t is not null) ?? AttributeType.Text;
        return $"{Operand(node.Value, type)} IN ({string.Join(", ", node.List.Select(v => Operand(v, type)))})";
    }

    /// <summary>Both sides of a comparison, typed alike: untyped literals take the other side's type.</summary>
    private (string Left, string Right) Pair(Expression left, Expression right)
    {
        var (leftType, rightType) = (TypeOf(left), TypeOf(right));
        if (leftType is { } l && rightType is { } r && !Comparable(l, r))
        {
            throw new FilterException($"{Describe(left)} ({l.Name()}) and {Describe(right)} ({r.Name()}) cannot be compared.");
        }

        // A date and a datetime compare by the local day (docs/filters.md).
        if ((leftType, rightType) is (AttributeType.Date, AttributeType.DateTime) or (AttributeType.DateTime, AttributeType.Date))
        {
            return (DayOf(left, leftType!.Value), DayOf(right, rightType!.Value));
        }

        var type = leftType ?? rightType ?? AttributeType.Text;
        return (Operand(left, type), Operand(right, type));
    }

    private string DayOf(Expression e, AttributeType type) =>
        type == AttributeType.DateTime
            ? e is TimestampLiteral t ? Parameter(DayOf(t.Value), NpgsqlDbType.Date) : $"({Operand(e, type)} AT TIME ZONE INTERVAL '+07:00')::date"
            : Operand(e, type);

    /// <summary>The local day of an instant; an instant past 9999-12-31 local time is a client error.</summary>
    internal static DateOnly DayOf(DateTimeOffset instant)
    {
        try
        {
            return CityTime.DayOf(instant);
        }
        catch (FormatException e)
        {
            throw new FilterException(e.Message);
        }
    }

    private static bool Comparable(AttributeType a, AttributeType b) =>
        a == b || (IsNumeric(a) && IsNumeric(b)) || (IsTime(a) && IsTime(b));

    private static bool IsNumeric(AttributeType t) => t is AttributeType.Integer or AttributeType.Number;

    private static bool IsTime(AttributeType t) => t is AttributeType.Date or AttributeType.DateTime;

    /// <summary>The type of an expression, or null for an untyped literal.</summary>
    private AttributeType? TypeOf(Expression e) => e switch
    {
        PropertyReference p => Value(p).Type,
        TextLiteral => null,
        StringLiteral => AttributeType.Text,
        NumberLiteral => AttributeType.Number,
        BooleanLiteral => AttributeType.Boolean,
        DateLiteral => AttributeType.Date,
        TimestampLiteral => AttributeType.DateTime,
        // Folding text is text; folding anything else leaves it as it is (FES matchCase="false" on a number).
        CaseInsensitive c => TypeOf(c.Operand) is { } t && t != AttributeType.Text ? t : TypeOf(c.Operand) is null ? null : AttributeType.Text,
        AccentInsensitive a => TypeOf(a.Operand) is { } t && t != AttributeType.Text ? t : TypeOf(a.Operand) is null ? null : AttributeType.Text,
        IntervalExpression or OpenBound => throw new FilterException("An interval can only be used in a temporal function (T_INTERSECTS…)."),
        _ => throw FilterException.NotSupported($"'{e.GetType().Name}' is not supported in filters."),
    };

    /// <summary>An expression as SQL of the given type.</summary>
    private string Operand(Expression e, AttributeType type) => e switch
    {
        PropertyReference p => Column(Value(p).Name),
        TextLiteral t => Parameter(Typed(t.Text, type)),
        StringLiteral s => Parameter(CheckedText(s.Value)),
        NumberLiteral n => Parameter(n.Value),
        BooleanLiteral b => Parameter(b.Value),
        DateLiteral d => Parameter(d.Value, NpgsqlDbType.Date),
        TimestampLiteral t => Parameter(t.Value, NpgsqlDbType.TimestampTz),
        CaseInsensitive c => type == AttributeType.Text ? $"lower({Operand(c.Operand, type)})" : Operand(c.Operand, type),
        AccentInsensitive a => type == AttributeType.Text ? $"{AccentFunction}({Operand(a.Operand, type)})" : Operand(a.Operand, type),
        _ => throw FilterException.NotSupported($"'{e.GetType().Name}' is not supported here."),
    };

    /// <summary>The SQL function of ACCENTI (migration 0030: unaccent, đ/Đ included).</summary>
    public const string AccentFunction = "envgis.accent_fold";

    private static object Typed(string text, AttributeType type)
    {
        if (type == AttributeType.Text)
        {
            return CheckedText(text);
        }

        try
        {
            return TypedValues.ParseComparable(text, type) switch
            {
                DateTimeOffset t => t,
                var v => v,
            };
        }
        catch (FormatException e)
        {
            throw new FilterException(e.Message);
        }
    }

    private static string CheckedText(string text) => text.Length > FilterLimits.MaxTextLength
        ? throw new FilterException($"A text literal may have at most {FilterLimits.MaxTextLength} characters.")
        : text;

    private string Like(LikeNode node)
    {
        var valueType = TypeOf(node.Value);
        var value = valueType is null or AttributeType.Text ? Operand(node.Value, AttributeType.Text) : $"{Operand(node.Value, valueType.Value)}::text";
        var pattern = Pattern(node.Pattern);
        return $"{value} LIKE {pattern} ESCAPE '\\'";
    }

    /// <summary>A LIKE pattern: a literal (checked against the limits), possibly folded.</summary>
    private string Pattern(Expression e) => e switch
    {
        TextLiteral t => LikeParameter(t.Text),
        StringLiteral s => LikeParameter(s.Value),
        CaseInsensitive c => $"lower({Pattern(c.Operand)})",
        AccentInsensitive a => $"{AccentFunction}({Pattern(a.Operand)})",
        _ => throw new FilterException("The pattern of LIKE must be a text literal."),
    };

    private string LikeParameter(string pattern)
    {
        LikePattern.Check(pattern);
        return Parameter(LikePattern.ToSql(pattern));
    }

    private string NullOperand(Expression e) => e switch
    {
        PropertyReference p when IsGeometry(p) => Column(RecordMetadata.Geometry),
        _ => Operand(e, TypeOf(e) ?? AttributeType.Text),
    };

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
        var column = GeometryColumn(node.Property);
        var geometry = GeometryParameter(node.Geometry);
        return node.Operator == SpatialOperator.BBOX
            ? $"({column} && {geometry} AND ST_Intersects({column}, {geometry}))"
            : $"{SpatialSql[node.Operator]}({column}, {geometry})";
    }

    private string Distance(DistanceNode node)
    {
        var column = GeometryColumn(node.Property);
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
            _ => throw new FilterException($"The unit of measure '{units}' is not supported; use m, km, ft, mi or deg.", "uom"),
        };
    }

    private string ResourceIds(ResourceIdNode node)
    {
        var ids = new List<long>();
        var idPrefix = layer.Name + ".";
        foreach (var id in node.Ids)
        {
            // Ids of other layers select nothing here; they select in their own query.
            if (id.StartsWith(idPrefix, StringComparison.Ordinal)
                && long.TryParse(id.AsSpan(idPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                ids.Add(value);
            }
        }

        return ids.Count == 0 ? "FALSE" : $"{Column(RecordMetadata.Id)} = ANY({Parameter(ids.ToArray())})";
    }

    /// <summary>The public column a property names (not the geometry, not the validity period).</summary>
    internal PublicColumn Value(PropertyReference reference)
    {
        if (IsGeometry(reference))
        {
            throw new FilterException($"'{reference.Name}' is the geometry; compare it with a spatial function.");
        }

        if (IsValidity(reference))
        {
            throw new FilterException($"'{PublicColumns.ValidityPeriod}' is the validity period; use it in a temporal function.");
        }

        return Resolve(reference);
    }

    internal bool IsValidity(PropertyReference reference) =>
        resolveName(reference.Name) == PublicColumns.ValidityPeriod && PublicColumns.Find(layer, PublicColumns.ValidityPeriod) is null;

    private bool IsGeometry(PropertyReference reference) =>
        resolveName(reference.Name) is { } name && GeometryNames.Contains(name) && PublicColumns.Find(layer, name) is null;

    private PublicColumn Resolve(PropertyReference reference) =>
        (resolveName(reference.Name) is { } name ? PublicColumns.Find(layer, name) : null)
        ?? throw new FilterException($"The layer '{layer.Name}' has no property '{Shorten(reference.Name)}'.");

    private string GeometryColumn(PropertyReference? reference) =>
        reference is null || IsGeometry(reference)
            ? Column(RecordMetadata.Geometry)
            : throw new FilterException($"'{Shorten(reference.Name)}' is not the geometry of layer '{layer.Name}'.");

    internal static string Column(string name) => Alias + "." + SqlIdentifier.Quote(name);

    private string GeometryParameter(Geometry geometry)
    {
        var parameter = Parameter(geometry);
        return geometry.SRID == 4326 ? parameter : $"ST_Transform({parameter}, 4326)";
    }

    internal string Parameter(object value, NpgsqlDbType? dbType = null)
    {
        var name = prefix + parameters.Count.ToString(CultureInfo.InvariantCulture);
        var parameter = new NpgsqlParameter(name, value);
        if (dbType is { } t)
        {
            parameter.NpgsqlDbType = t;
        }

        parameters.Add(parameter);
        return "@" + name;
    }

    private static string Describe(Expression e) => e switch
    {
        PropertyReference p => $"'{Shorten(p.Name)}'",
        CaseInsensitive c => $"CASEI({Describe(c.Operand)})",
        AccentInsensitive a => $"ACCENTI({Describe(a.Operand)})",
        _ => "the literal",
    };

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
