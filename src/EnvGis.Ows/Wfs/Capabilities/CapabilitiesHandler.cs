using EnvGis.Data.Layers;
using EnvGis.Ows.Dispatch;

namespace EnvGis.Ows.Wfs.Capabilities;

/// <summary>GetCapabilities: every layer the caller may see, with extents from the data, in the negotiated version.</summary>
public sealed class CapabilitiesHandler(LayerState state, OwsOptions options)
{
    /// <summary>The whole city (lon/lat) for layers without visible records.</summary>
    public static readonly double[] CityExtent = [106.0, 20.0, 107.9, 21.4];

    public async Task HandleAsync(OwsCall call)
    {
        var entries = new List<FeatureTypeEntry>();
        foreach (var type in FeatureTypeResolver.Visible(call))
        {
            var extent = await state.ExtentAsync(type.Layer, call.Scope, call.Aborted);
            entries.Add(new FeatureTypeEntry(type, extent, call.Catalogue.Categories.FirstOrDefault(c => c.Id == type.Layer.Category)));
        }

        var language = ServiceDescription.Language(call.Request.Parameters.Get("language", "acceptlanguages"));
        var editable = options.WriteScope(call.Http) is { } writer
            ? entries.Select(e => e.Type.Name).Where(writer.MayEdit).ToHashSet(StringComparer.Ordinal)
            : null;
        var model = new CapabilitiesModel(call.ServiceUrl, language, entries, options.CountDefault, editable);
        // Feature types and Transaction depend on the caller: never stored (QGIS's Qt cache ignores Vary).
        call.Response.Headers.CacheControl = "private, no-store";
        await using var output = OwsXml.Start(call.Response, "application/xml; charset=utf-8");
        switch (call.Version)
        {
            case WfsVersions.V200:
                Capabilities20Writer.Write(output.Writer, model);
                break;
            case WfsVersions.V110:
                Capabilities11Writer.Write(output.Writer, model);
                break;
            default:
                Capabilities10Writer.Write(output.Writer, model);
                break;
        }

        await output.FlushAsync();
    }
}
