namespace EnvGis.Data.Exchange;

/// <summary>One published version of a code list: who published it, when, why, and its entries in order.</summary>
public sealed record CodeListVersion(
    string List, int Version, DateTimeOffset PublishedAt, string PublishedBy, string? Note, IReadOnlyList<CodeListItem> Items);
