namespace EnvGis.Server.Api;

/// <summary>An external XYZ raster base map: its URL template and attribution.</summary>
public sealed record BaseMap(string Url, string Attribution);
