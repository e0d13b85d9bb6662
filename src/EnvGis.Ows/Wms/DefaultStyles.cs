using EnvGis.Core.Catalogue;
using EnvGis.Core.Styling;

namespace EnvGis.Ows.Wms;

/// <summary>The look of a layer that has no style file: one rule by geometry type (the server logs the missing style at start-up).</summary>
public static class DefaultStyles
{
    private static readonly LocalizedText RuleTitle = new("Đối tượng", "Features");

    public static LayerStyle For(LayerDefinition layer)
    {
        Symbolizer symbolizer = layer.GeometryKind switch
        {
            GeometryKind.Point => new PointSymbolizer("circle", 8, "#3182bd", 1, "#ffffff", 1, 0),
            GeometryKind.MultiLineString => new LineSymbolizer("#3182bd", 1.5, 1, null),
            _ => new PolygonSymbolizer("#9ecae1", 0.5, "#3182bd", 1, 1, null),
        };
        return new LayerStyle(layer.Name, layer.Name, layer.Title,
            [new StyleRule("default", RuleTitle, null, false, null, null, [symbolizer])]);
    }
}
