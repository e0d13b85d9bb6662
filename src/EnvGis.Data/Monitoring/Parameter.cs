namespace EnvGis.Data.Monitoring;

/// <summary>A parameter of the catalogue: canonical code, names, canonical unit, and its VN_AQI role if any.</summary>
public sealed record Parameter(short Id, string Code, string NameVi, string NameEn, string Unit, int Decimals, string? AqiPollutant);
