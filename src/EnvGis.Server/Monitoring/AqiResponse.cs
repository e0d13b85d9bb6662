namespace EnvGis.Server.Monitoring;

/// <summary>One VN_AQI value: the hour (or day) start, the index, its band, the dominant pollutant and every sub-index.</summary>
public sealed record AqiResponse(DateTime Time, int Aqi, string Band, string Dominant, IReadOnlyDictionary<string, int> SubIndices);
