using EnvGis.Ows.Rendering;
using EnvGis.Ows.Wms.Capabilities;

namespace EnvGis.Ows.Wmts;

/// <summary>What the WMTS capabilities writer needs: the public base URL, the language and the layers.</summary>
public sealed record WmtsCapabilitiesModel(string BaseUrl, string Language, IReadOnlyList<WmtsLayerEntry> Layers)
{
    public string KvpUrl => BaseUrl + WmtsEndpoints.Path + "?";

    public string CapabilitiesUrl => BaseUrl + WmtsEndpoints.RestCapabilities;

    /// <summary>The REST template of a layer's tiles, versioned like the vector tile URLs.</summary>
    public string TileTemplate(WmtsLayerEntry entry, string extension) =>
        $"{BaseUrl}{WmtsEndpoints.RestPrefix}/{Uri.EscapeDataString(entry.Summary.Layer.Name)}/{{Style}}/{{TileMatrixSet}}/{{TileMatrix}}/{{TileRow}}/{{TileCol}}.{extension}?v={entry.Version}";

    public string LegendUrl(WmtsLayerEntry entry) =>
        $"{BaseUrl}/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=1.3.0&FORMAT=image%2Fpng&LAYER={Uri.EscapeDataString(entry.Summary.Layer.Name)}&STYLE={Uri.EscapeDataString(entry.Style.Style.Name)}{(Language == "en" ? "&LANGUAGE=en" : "")}";
}

/// <summary>A layer with its extents, style and version as the caller sees it.</summary>
public sealed record WmtsLayerEntry(LayerSummary Summary, RenderStyle Style, string Version);
