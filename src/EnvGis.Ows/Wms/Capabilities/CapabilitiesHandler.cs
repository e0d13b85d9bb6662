using EnvGis.Data.Sql;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wms.Legend;

namespace EnvGis.Ows.Wms.Capabilities;

/// <summary>GetCapabilities: the layers the caller may see, grouped by Article 5 category, in the negotiated version.</summary>
public sealed class CapabilitiesHandler(LayerSummaries summaries, WmsStyles styles, WmsOptions options)
{
    public async Task HandleAsync(OwsCall call)
    {
        var language = WmsServiceDescription.Language(call.Request.Parameters.Get("LANGUAGE"));
        var visible = call.Catalogue.Layers.Where(call.Scope.CanSee).ToList();
        var layerSummaries = await summaries.GetAsync(visible, call.Scope, call.Aborted);
        var categories = call.Catalogue.Categories
            .Select(category => new CategoryEntry(category, layerSummaries
                .Where(s => s.Layer.Category == category.Id)
                .Select(s =>
                {
                    var style = styles.For(s.Layer);
                    var (width, height) = LegendLayout.Renderer(style, language, null, null, null).Measure();
                    return new LayerEntry(s, style, width, height);
                })
                .ToList()))
            .Where(c => c.Layers.Count > 0)
            .ToList();
        var model = new CapabilitiesModel(call.ServiceUrl, call.Version, language, options, categories);
        // Layers and operations depend on the caller: never stored (QGIS's Qt cache ignores Vary).
        call.Response.Headers.CacheControl = "private, no-store";
        var v111 = call.Version == WmsVersions.V111;
        // 1.1.1's own MIME type, unless the client asks for plain XML (FORMAT=text/xml).
        var plainXml = string.Equals(call.Request.Parameters.Get("FORMAT"), "text/xml", StringComparison.OrdinalIgnoreCase);
        await using var output = OwsXml.Start(call.Response,
            v111 && !plainXml ? "application/vnd.ogc.wms_xml; charset=utf-8" : "text/xml; charset=utf-8");
        if (v111)
        {
            Capabilities111Writer.Write(output.Writer, model);
        }
        else
        {
            Capabilities130Writer.Write(output.Writer, model);
        }

        await output.FlushAsync();
    }
}
