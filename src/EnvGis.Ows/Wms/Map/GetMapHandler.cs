using EnvGis.Data.Layers;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wms.Requests;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Wms.Map;

/// <summary>GetMap: parse, answer 304 when the client's ETag is current, else draw (<see cref="MapRenderer"/>).</summary>
public sealed class GetMapHandler(MapRequestParser parser, MapRenderer renderer, LayerState state)
{
    public async Task HandleAsync(OwsCall call)
    {
        var request = parser.Parse(call, isMap: true);
        var versions = await state.CurrentVersionsAsync(request.Layers.Select(l => l.Definition).ToList(), call.Scope, call.Aborted);
        var etag = MapETag.Compute("GetMap", call.Version, call.Request.Parameters, call.Scope,
            request.Layers.Select((l, i) => (l.Name, versions[i], l.Style.Style)),
            request.Time?.UsesToday == true ? request.Time.CacheKey : null);
        if (MapETag.Apply(call.Http, etag, call.Scope))
        {
            call.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var bytes = await renderer.RenderAsync(request.Layers, request.View, request.Image, request.Time, call.Scope, call.Aborted);
        call.Response.StatusCode = StatusCodes.Status200OK;
        call.Response.ContentType = request.Image.Format.ContentType;
        call.Response.ContentLength = bytes.Length;
        await call.Response.Body.WriteAsync(bytes, call.Aborted);
    }
}
