namespace EnvGis.Server.Monitoring;

/// <summary>A parameter of the catalogue as the public sees it: code, names, canonical unit, decimals, VN_AQI role.</summary>
public sealed record ParameterResponse(string Code, string NameVi, string NameEn, string Unit, int Decimals, string? AqiPollutant);
