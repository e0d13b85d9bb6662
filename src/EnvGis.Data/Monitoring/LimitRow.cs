namespace EnvGis.Data.Monitoring;

/// <summary>A national limit as stored and edited (docs/monitoring.md "Limits"): values in the parameter's canonical unit, validity [from, to).</summary>
public sealed record LimitRow(
    long Id,
    string Standard,
    string Parameter,
    string Averaging,
    string? Zone,
    IReadOnlyList<string> StationTypes,
    double? Low,
    double? High,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string Source,
    bool Verified,
    string? Note);
