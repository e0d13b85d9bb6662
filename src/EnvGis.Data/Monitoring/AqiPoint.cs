namespace EnvGis.Data.Monitoring;

/// <summary>A stored VN_AQI: the hour's start or the day's start (Việt Nam time), the index, band, dominant pollutant and sub-indices (JSON object).</summary>
public sealed record AqiPoint(DateTime Time, int Aqi, string Band, string Dominant, string SubIndicesJson);
