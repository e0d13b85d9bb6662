using EnvGis.Data.Monitoring;

namespace EnvGis.Server.Monitoring;

/// <summary>The body of <c>PUT /api/monitoring/admin/parameters/{code}</c>: the parameter, its aliases and accepted units.</summary>
public sealed record ParameterRequest(
    string? NameVi,
    string? NameEn,
    string? Unit,
    int? Decimals,
    string? AqiPollutant,
    IReadOnlyList<AliasDefinition>? Aliases,
    IReadOnlyList<UnitDefinition>? Units);
