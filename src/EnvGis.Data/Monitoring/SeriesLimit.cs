namespace EnvGis.Data.Monitoring;

/// <summary>A limit that applies to a station's parameter: national (with its zone) or from the station's permit.</summary>
public sealed record SeriesLimit(
    string Kind,
    string Standard,
    string Averaging,
    string? Zone,
    double? Low,
    double? High,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    bool Verified);
