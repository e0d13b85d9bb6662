namespace EnvGis.Core.Filters;

/// <summary>
/// An untyped literal (FES and SLD <c>Literal</c>): it takes the type of the property it is compared
/// with, through <see cref="Values.TypedValues"/>.
/// </summary>
public sealed record TextLiteral(string Text) : Expression;
