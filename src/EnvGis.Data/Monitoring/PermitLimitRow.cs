namespace EnvGis.Data.Monitoring;

/// <summary>A limit of a station's environmental permit (QCVN 40:2025 / 19:2024 column as the permit writes it), canonical unit.</summary>
public sealed record PermitLimitRow(
    long Id,
    string Station,
    string Parameter,
    string Averaging,
    string Standard,
    string? Zone,
    string Permit,
    double? Low,
    double? High,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? Note);
