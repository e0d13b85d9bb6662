namespace EnvGis.Data.Records;

/// <summary>A record found by its label: where it is (bounding box, EPSG:4326) and what it is called.</summary>
public sealed record SearchHit(string Layer, long Id, string Label, double MinX, double MinY, double MaxX, double MaxY);
