using EnvGis.Core.Catalogue;
using EnvGis.Ows.Rendering;

namespace EnvGis.Ows.Wms.Requests;

/// <summary>A layer of a map request with the style it is drawn in.</summary>
public sealed record MapLayer(LayerDefinition Definition, RenderStyle Style)
{
    public string Name => Definition.Name;

    public string StyleName => Style.Style.Name;
}
