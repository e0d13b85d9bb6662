namespace EnvGis.Core.Filters;

/// <summary>A character string literal (CQL2 <c>'…'</c>); compares only with text.</summary>
public sealed record StringLiteral(string Value) : Expression;
