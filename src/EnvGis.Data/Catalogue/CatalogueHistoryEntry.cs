using System.Text.Json;

namespace EnvGis.Data.Catalogue;

/// <summary>One catalogue change: who, when, what, and the entry before and after (JSON; null when absent).</summary>
public sealed record CatalogueHistoryEntry(
    long Id,
    DateTime At,
    string UserName,
    string Action,
    string? Layer,
    string? Attribute,
    int? Category,
    JsonElement? Before,
    JsonElement? After);
