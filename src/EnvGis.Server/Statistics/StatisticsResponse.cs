namespace EnvGis.Server.Statistics;

/// <summary>Statistics over what the caller may see: the grouping, the layer (null: all the caller may see), the period and the rows with their total.</summary>
public sealed record StatisticsResponse(string Group, string? Layer, string? From, string? To, IReadOnlyList<StatisticsItem> Rows, StatisticsItem Total);
