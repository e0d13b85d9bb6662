using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wms.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EnvGis.Ows.Wmts;

/// <summary>
/// WMTS in REST form: <c>/wmts/1.0.0/WMTSCapabilities.xml</c> and
/// <c>/wmts/1.0.0/{layer}/{style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png|jpg</c>; the
/// same handlers, visibility rules and exception reports as the KVP form at /wmts.
/// </summary>
public static class WmtsEndpoints
{
    public const string Path = "/wmts";
    public const string RestPrefix = Path + "/" + WmtsService.Version;
    public const string RestCapabilities = RestPrefix + "/WMTSCapabilities.xml";

    public static string Extension(ImageFormat format) => format == ImageFormat.Jpeg ? "jpg" : "png";

    public static IEndpointRouteBuilder MapWmtsRest(this IEndpointRouteBuilder app)
    {
        app.MapGet(RestCapabilities, (HttpContext context, WmtsCapabilitiesHandler handler, OwsOptions options) =>
            RunAsync(context, options, "GetCapabilities", handler.HandleAsync)).ExcludeFromDescription();
        app.MapGet(RestPrefix + "/{layer}/{style}/{set}/{matrix}/{row}/{column}.{extension}",
            (HttpContext context, string layer, string style, string set, string matrix, string row, string column, string extension,
             GetTileHandler handler, Wms.WmsStyles styles, OwsOptions options) =>
                RunAsync(context, options, "GetTile", call => handler.WriteAsync(call, WmtsTileRequest.Parse(call, styles,
                    layer, style, extension, set, matrix, row, column))))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task RunAsync(HttpContext context, OwsOptions options, string operation, Func<OwsCall, Task> handle)
    {
        var request = new OwsRequest(WmtsService.ServiceName, operation, WmtsService.Version, null,
            KeyValueParameters.From(context.Request.Query), null);
        var call = new OwsCall(context, request, WmtsService.Version, ServiceUrl.Of(context.Request),
            options.ReadScope(context), options.Catalogue(context));
        try
        {
            await handle(call);
        }
        catch (OwsException e) when (!context.Response.HasStarted)
        {
            await ExceptionReportWriter.WriteAsync(context.Response, e, ExceptionReportWriter.Flavor.Ows11);
        }
    }
}
