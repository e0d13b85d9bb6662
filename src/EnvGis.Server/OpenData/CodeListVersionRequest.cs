namespace EnvGis.Server.OpenData;

/// <summary>A new version of a code list: every entry (the version replaces the previous one whole) and why it was made.</summary>
public sealed record CodeListVersionRequest(IReadOnlyList<CodeListItemRequest>? Items, string? Note);
