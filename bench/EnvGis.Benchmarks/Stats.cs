namespace EnvGis.Benchmarks;

/// <summary>Medians and the table lines the benchmark prints.</summary>
public static class Stats
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static void PrintRow(string label, double envgis, double baseline, string unit) =>
        Console.WriteLine($"  {label,-28} {envgis,10:0.000} {unit,-4} {baseline,10:0.000} {unit,-4} ratio {envgis / baseline,6:0.00}");
}
