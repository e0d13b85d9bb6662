using System.Text;
using EnvGis.Ows.Downloads;
using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.Metadata;

/// <summary>/ogcapi/collections/{layer}/metadata: the layer's ISO 19139 record, of the data the caller may see.</summary>
public sealed class MetadataHandler(MetadataBuilder builder)
{
    private static readonly IReadOnlySet<string> NoParameters = new HashSet<string>();

    public async Task HandleAsync(OgcApiContext context, string name)
    {
        var layer = context.Layer(name);
        context.AllowParameters(NoParameters);
        var metadata = await builder.BuildAsync(layer, context.Catalogue, context.Scope, DownloadHandler.ServiceBase(context), context.Aborted);
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + IsoMetadataWriter.ToXml(metadata);
        context.Response.StatusCode = 200;
        context.Response.ContentType = DownloadFormats.IsoMediaType + "; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(xml), context.Aborted);
    }
}
