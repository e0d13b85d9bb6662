namespace EnvGis.Data.Monitoring;

/// <summary>A unit a parameter may arrive in (normalised) and how to reach the canonical unit: value × factor + offset.</summary>
public sealed record UnitConversion(string Unit, double Factor, double Offset)
{
    public double Apply(double value) => value * Factor + Offset;
}
