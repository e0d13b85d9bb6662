using System.Globalization;
using System.Text;
using System.Text.Json;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Rendering;
using EnvGis.Ows.Wms.Capabilities;
using EnvGis.Ows.Wms.Requests;

namespace EnvGis.Ows.Wms.FeatureInfo;

/// <summary>
/// GetFeatureInfo: the map of the request (as GetMap), the pixel I/J (1.3.0) or X/Y (1.1.1), and for
/// each of QUERY_LAYERS the FEATURE_COUNT records nearest to it within a tolerance of a few pixels
/// (BUFFER, or half the largest mark of the layer's style if larger).
/// </summary>
public sealed class GetFeatureInfoHandler(MapRequestParser parser, FeatureInfoReader reader, WmsOptions options)
{
    public const int MaxBuffer = 100;

    public async Task HandleAsync(OwsCall call)
    {
        var kvp = call.Request.Parameters;
        var request = parser.Parse(call, isMap: false);
        var format = InfoFormat.Parse(kvp.Get("INFO_FORMAT"));
        var queryNames = (kvp.Get("QUERY_LAYERS") ?? throw OwsException.Missing("QUERY_LAYERS")).Split(',', StringSplitOptions.TrimEntries);
        var queried = new List<MapLayer>();
        foreach (var name in queryNames)
        {
            var definition = MapRequestParser.FindLayer(call, name, "QUERY_LAYERS");
            queried.Add(request.Layers.FirstOrDefault(l => l.Definition == definition)
                ?? throw new OwsException(WmsExceptionCodes.LayerNotDefined,
                    $"The query layer '{name}' is not one of the map's LAYERS.", "QUERY_LAYERS"));
        }

        var v130 = call.Version == WmsVersions.V130;
        var i = Pixel(kvp.Get(v130 ? "I" : "X") ?? kvp.Get(v130 ? "X" : "I"), v130 ? "I" : "X", request.View.Width);
        var j = Pixel(kvp.Get(v130 ? "J" : "Y") ?? kvp.Get(v130 ? "Y" : "J"), v130 ? "J" : "Y", request.View.Height);
        var count = Integer(kvp.Get("FEATURE_COUNT"), "FEATURE_COUNT", 1, 1, int.MaxValue);
        count = Math.Min(count, options.MaxFeatureCount);
        var buffer = Integer(kvp.Get("BUFFER"), "BUFFER", options.FeatureInfoTolerance, 0, MaxBuffer);
        var language = WmsServiceDescription.Language(kvp.Get("LANGUAGE"));
        var (x, y) = request.View.ToMap(i, j);

        var results = new List<LayerHits>();
        foreach (var layer in queried)
        {
            var marks = layer.Style.Rules.SelectMany(r => r.Symbolizers).OfType<MarkRender>().Select(m => m.Size / 2).DefaultIfEmpty(0).Max();
            // At least half a pixel: the clicked pixel has an area, and BUFFER=0 must still find the polygon under it.
            var radius = Math.Max(Math.Max(buffer, marks), 0.5) * request.View.PixelSize;
            var hits = await reader.FindAsync(layer.Definition, request.View, x, y, radius, count, request.Time, call.Scope, format, call.Aborted);
            results.Add(new LayerHits(layer.Definition, hits));
        }

        call.Response.Headers.CacheControl = "private, no-store";
        call.Response.ContentType = InfoFormat.ContentType(format);
        switch (format)
        {
            case InfoFormatKind.Json:
            {
                await using var json = new Utf8JsonWriter(call.Response.Body);
                FeatureInfoWriters.Json(json, results);
                await json.FlushAsync(call.Aborted);
                break;
            }

            case InfoFormatKind.Gml:
            {
                await using var output = OwsXml.Start(call.Response, InfoFormat.ContentType(format));
                FeatureInfoWriters.Gml(output.Writer, results, request.View.Crs);
                await output.FlushAsync();
                break;
            }

            default:
            {
                var text = format == InfoFormatKind.Html
                    ? FeatureInfoWriters.HtmlPage(results, language)
                    : FeatureInfoWriters.Text(results, language);
                await call.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), call.Aborted);
                break;
            }
        }
    }

    private static int Pixel(string? value, string parameter, int size)
    {
        if (value is null)
        {
            throw new OwsException(WmsExceptionCodes.InvalidPoint, $"The parameter {parameter} (a pixel of the map) is required.", parameter);
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pixel) && pixel >= 0 && pixel < size
            ? pixel
            : throw new OwsException(WmsExceptionCodes.InvalidPoint,
                $"{parameter} must be a whole pixel from 0 to {size - 1}; got '{value}'.", parameter);
    }

    private static int Integer(string? value, string parameter, int fallback, int min, int max)
    {
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw OwsException.Invalid(parameter, $"{parameter} must be a whole number from {min} to {max}; got '{value}'.");
    }
}
