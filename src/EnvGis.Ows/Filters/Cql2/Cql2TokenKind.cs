namespace EnvGis.Ows.Filters.Cql2;

public enum Cql2TokenKind
{
    End,
    Identifier,
    QuotedIdentifier,
    String,
    Number,
    Symbol,
}
