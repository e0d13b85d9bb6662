namespace EnvGis.Core.Statistics;

/// <summary>What statistics are grouped by (<c>group=</c> of <c>GET /api/statistics</c>, docs/operations.md "Statistics").</summary>
public enum StatisticsGroup
{
    Category,
    Layer,
    Status,
    Unit,
    Commune,
    Month,
    Project,
}
