namespace EnvGis.Core.Filters;

/// <summary>CQL2 <c>ACCENTI(…)</c>: the text without diacritics (Vietnamese tones and marks, đ → d).</summary>
public sealed record AccentInsensitive(Expression Operand) : Expression;
