namespace EnvGis.Core.Filters;

/// <summary>
/// A text matches a pattern in the canonical form of <see cref="LikePattern"/> (<c>%</c> any text,
/// <c>_</c> one character, <c>\</c> escapes). FES wildcards are translated into it by the parser.
/// The pattern may be wrapped in <see cref="CaseInsensitive"/> / <see cref="AccentInsensitive"/>.
/// </summary>
public sealed record LikeNode(Expression Value, Expression Pattern) : FilterNode;
