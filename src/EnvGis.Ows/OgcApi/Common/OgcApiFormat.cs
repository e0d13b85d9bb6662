namespace EnvGis.Ows.OgcApi.Common;

/// <summary>The two encodings every resource has: JSON (GeoJSON for features) and HTML.</summary>
public enum OgcApiFormat
{
    Json,
    Html,
}
