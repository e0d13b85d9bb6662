namespace EnvGis.Ows.Filters.Cql2;

/// <summary>A token of CQL2 text and where it starts.</summary>
public sealed record Cql2Token(Cql2TokenKind Kind, string Text, int Start)
{
    /// <summary>A keyword or function name, compared without regard to case.</summary>
    public bool Is(string keyword) => Kind == Cql2TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == Cql2TokenKind.Symbol && Text == symbol;
}
