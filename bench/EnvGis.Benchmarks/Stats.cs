namespace EnvGis.Benchmarks;

/// <summary>Medians, percentiles and the table lines the benchmark prints.</summary>
public static class Stats
{
    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 0.5);

    /// <summary>The nearest-rank percentile (<paramref name="fraction"/> 0–1); NaN when empty.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        if (fraction == 0.5 && sorted.Length % 2 == 0)
        {
            return (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static void PrintRow(string label, double envgis, double baseline, string unit) =>
        Console.WriteLine($"  {label,-28} {envgis,10:0.000} {unit,-4} {baseline,10:0.000} {unit,-4} ratio {envgis / baseline,6:0.00}");
}
