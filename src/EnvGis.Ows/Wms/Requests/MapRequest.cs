namespace EnvGis.Ows.Wms.Requests;

/// <summary>A parsed GetMap (also the map part of GetFeatureInfo): layers bottom to top, the view, the image and TIME.</summary>
public sealed record MapRequest(IReadOnlyList<MapLayer> Layers, MapView View, ImageRequest Image, TimeFilter? Time);
