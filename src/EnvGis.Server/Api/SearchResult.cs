namespace EnvGis.Server.Api;

/// <summary>A record found by name: its layer, id, label and bounding box [minLon, minLat, maxLon, maxLat].</summary>
public sealed record SearchResult(string Layer, long Id, string FeatureId, string Label, double[] Bbox);
