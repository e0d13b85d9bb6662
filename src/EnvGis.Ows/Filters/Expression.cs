namespace EnvGis.Ows.Filters;

/// <summary>An operand of a comparison: a property reference or a literal.</summary>
public abstract record Expression;

/// <summary>A property named by ValueReference or PropertyName, as the request wrote it (resolved against the catalogue later).</summary>
public sealed record PropertyReference(string Name) : Expression;

/// <summary>A literal value, as text; the SQL generator types it from the property it is compared with.</summary>
public sealed record Literal(string Value) : Expression;
