namespace EnvGis.Server.Api;

/// <summary>A layer's vector tiles as the portal loads them: URL templates (from TileUrls), zoom range, attribution.</summary>
public sealed record PortalTiles(IReadOnlyList<string> Tiles, int MinZoom, int MaxZoom, string? Attribution);
