namespace EnvGis.Data.Monitoring;

/// <summary>A parameter as the administrator writes it: everything about it, its aliases and accepted units included.</summary>
public sealed record ParameterDefinition(
    string Code,
    string NameVi,
    string NameEn,
    string Unit,
    int Decimals,
    string? AqiPollutant,
    IReadOnlyList<AliasDefinition> Aliases,
    IReadOnlyList<UnitDefinition> Units);
