namespace EnvGis.Core.Filters;

/// <summary>CQL2 <c>CASEI(…)</c>, FES <c>matchCase="false"</c>: the text folded to lower case.</summary>
public sealed record CaseInsensitive(Expression Operand) : Expression;
