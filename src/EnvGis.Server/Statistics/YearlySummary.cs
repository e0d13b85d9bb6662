namespace EnvGis.Server.Statistics;

/// <summary>
/// The yearly summary for the "state of the environment" report (Art. 5.1): the year's records by
/// category, layer, status and commune, and month by month, over what the caller may see.
/// </summary>
public sealed record YearlySummary(int Year, StatisticsResponse ByCategory, StatisticsResponse ByLayer, StatisticsResponse ByStatus,
    StatisticsResponse ByCommune, StatisticsResponse ByMonth);
