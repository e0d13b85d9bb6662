using EnvGis.Data.Sql;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wms;
using EnvGis.Ows.Wms.Capabilities;

namespace EnvGis.Ows.Wmts;

/// <summary>GetCapabilities (KVP, or REST at /wmts/1.0.0/WMTSCapabilities.xml): the layers the caller may see, both tile matrix sets.</summary>
public sealed class WmtsCapabilitiesHandler(LayerSummaries summaries, WmsStyles styles, Data.Layers.LayerState state)
{
    public async Task HandleAsync(OwsCall call)
    {
        var language = WmsServiceDescription.Language(call.Request.Parameters.Get("LANGUAGE"));
        var visible = call.Catalogue.Layers.Where(call.Scope.CanSee).OrderBy(l => l.Category).ThenBy(l => l.Ordinal).ToList();
        var layerSummaries = await summaries.GetAsync(visible, call.Scope, call.Aborted);
        var baseUrl = ServiceUrl.Base(call.Http.Request);
        var model = new WmtsCapabilitiesModel(baseUrl, language,
            layerSummaries.Select(s => new WmtsLayerEntry(s, styles.For(s.Layer), state.Version(s.Layer, call.Scope))).ToList());
        // Depends on the caller (restricted layers, versions): revalidated, never shared between callers.
        call.Response.Headers.CacheControl = call.Scope.IsAnonymous ? "public, no-cache" : "private, no-cache";
        call.Response.Headers.Vary = "Accept-Encoding, Authorization, Cookie";
        await using var output = OwsXml.Start(call.Response, "application/xml; charset=utf-8");
        WmtsCapabilitiesWriter.Write(output.Writer, model);
        await output.FlushAsync();
    }
}
