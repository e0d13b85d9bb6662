namespace EnvGis.Core.Statistics;

/// <summary>The names of <see cref="StatisticsGroup"/> on the wire.</summary>
public static class StatisticsGroups
{
    public static IReadOnlyList<StatisticsGroup> All { get; } = Enum.GetValues<StatisticsGroup>();

    public static string Name(this StatisticsGroup group) => group.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out StatisticsGroup group)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                group = candidate;
                return true;
            }
        }

        group = default;
        return false;
    }
}
