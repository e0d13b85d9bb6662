namespace EnvGis.Core.Monitoring;

/// <summary>A VN_AQI value: the index, its band, the dominant pollutant and every pollutant's sub-index.</summary>
public sealed record AqiResult(int Aqi, string Band, string Dominant, IReadOnlyDictionary<string, int> SubIndices);
