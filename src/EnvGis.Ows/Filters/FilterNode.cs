using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Filters;

/// <summary>A node of a parsed filter (FES 2.0, FES 1.1/1.0 or KVP BBOX/RESOURCEID): the one input of the SQL generator.</summary>
public abstract record FilterNode;

/// <summary>All operands hold.</summary>
public sealed record AndNode(IReadOnlyList<FilterNode> Operands) : FilterNode;

/// <summary>At least one operand holds.</summary>
public sealed record OrNode(IReadOnlyList<FilterNode> Operands) : FilterNode;

/// <summary>The operand does not hold.</summary>
public sealed record NotNode(FilterNode Operand) : FilterNode;

/// <summary>A binary comparison (PropertyIsEqualTo …); <see cref="MatchCase"/> false compares text case-insensitively.</summary>
public sealed record ComparisonNode(ComparisonOperator Operator, Expression Left, Expression Right, bool MatchCase) : FilterNode;

/// <summary>PropertyIsLike with the request's own wildcard, single-character and escape characters.</summary>
public sealed record LikeNode(PropertyReference Property, string Pattern, char WildCard, char SingleChar, char Escape, bool MatchCase) : FilterNode;

/// <summary>PropertyIsNull (and PropertyIsNil: EnvGis has no nil values distinct from null).</summary>
public sealed record NullNode(PropertyReference Property) : FilterNode;

/// <summary>PropertyIsBetween, bounds included.</summary>
public sealed record BetweenNode(Expression Value, Expression Lower, Expression Upper) : FilterNode;

/// <summary>A spatial predicate between the geometry property and a geometry literal (SRID set, x/y order).</summary>
public sealed record SpatialNode(SpatialOperator Operator, PropertyReference? Property, Geometry Geometry) : FilterNode;

/// <summary>DWithin / Beyond with a distance in the given unit of measure.</summary>
public sealed record DistanceNode(DistanceOperator Operator, PropertyReference? Property, Geometry Geometry, double Distance, string Units) : FilterNode;

/// <summary>ResourceId / FeatureId / GmlObjectId: feature ids of the form &lt;layer&gt;.&lt;id&gt;.</summary>
public sealed record ResourceIdNode(IReadOnlyList<string> Ids) : FilterNode;

/// <summary>During / After / Before against a time instant (Begin == End) or period.</summary>
public sealed record TemporalNode(TemporalOperator Operator, PropertyReference? Property, DateTime Begin, DateTime End) : FilterNode;
