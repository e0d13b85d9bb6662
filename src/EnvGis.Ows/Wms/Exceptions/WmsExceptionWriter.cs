using System.Xml;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Rendering;
using EnvGis.Ows.Wms.Requests;
using Microsoft.AspNetCore.Http;
using SkiaSharp;

namespace EnvGis.Ows.Wms.Exceptions;

/// <summary>
/// WMS exceptions: the ServiceExceptionReport of 1.3.0 (namespace ogc, text/xml) or 1.1.1 (DTD,
/// application/vnd.ogc.se_xml) with the code's HTTP status; or, when a map request said
/// EXCEPTIONS=INIMAGE or BLANK and its image parameters were readable, an image of the requested
/// size and format with the message drawn in it, or empty (HTTP 200, as clients display it).
/// </summary>
public static class WmsExceptionWriter
{
    public const string Ogc = OwsXml.Ogc;

    public static async Task WriteAsync(HttpContext context, OwsException exception, string? version)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (ImageRequest.Recall(context) is { Exceptions: not ExceptionFormat.Xml } image)
        {
            var bytes = Image(image, exception);
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = image.Format.ContentType;
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.RequestAborted);
            return;
        }

        var v111 = (version ?? GuessVersion(context)) == WmsVersions.V111;
        await using var output = OwsXml.Start(response,
            v111 ? "application/vnd.ogc.se_xml; charset=utf-8" : "text/xml; charset=utf-8", exception.StatusCode);
        Write(output.Writer, exception, v111);
        await output.FlushAsync();
    }

    public static void Write(XmlWriter xml, OwsException exception, bool v111)
    {
        xml.WriteStartDocument();
        if (v111)
        {
            xml.WriteDocType("ServiceExceptionReport", null, OwsXml.SchemasBase + "wms/1.1.1/exception_1_1_1.dtd", null);
            xml.WriteStartElement("ServiceExceptionReport");
            xml.WriteAttributeString("version", WmsVersions.V111);
            xml.WriteStartElement("ServiceException");
        }
        else
        {
            xml.WriteStartElement("ServiceExceptionReport", Ogc);
            xml.WriteAttributeString("version", WmsVersions.V130);
            xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
            xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, $"{Ogc} {OwsXml.SchemasBase}wms/1.3.0/exceptions_1_3_0.xsd");
            xml.WriteStartElement("ServiceException", Ogc);
        }

        xml.WriteAttributeString("code", exception.Code);
        if (exception.Locator is not null && !v111)
        {
            // The 1.1.1 DTD declares no locator; its message names the parameter anyway.
            xml.WriteAttributeString("locator", exception.Locator);
        }

        xml.WriteString(exception.Message);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The exception as an image: the message (INIMAGE) or nothing (BLANK) on the requested background.</summary>
    public static byte[] Image(ImageRequest image, OwsException exception)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        using (var draw = new SKCanvas(bitmap))
        {
            draw.Clear(image.Canvas);
            if (image.Exceptions == ExceptionFormat.InImage)
            {
                DrawMessage(draw, image.Width, $"{exception.Code}: {exception.Message}");
            }
        }

        return ImageEncoder.Encode(bitmap, image.Format.Encoding);
    }

    private static void DrawMessage(SKCanvas canvas, int width, string message)
    {
        using var font = FontLibrary.Create("normal", "normal", 12);
        using var ink = new SKPaint { Color = new SKColor(0xB0, 0x00, 0x20), IsAntialias = true };
        using var halo = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
        var lineHeight = font.Spacing;
        var y = lineHeight;
        foreach (var line in Wrap(message, font, Math.Max(width - 8, 20)))
        {
            canvas.DrawText(line, 4, y, SKTextAlign.Left, font, halo);
            canvas.DrawText(line, 4, y, SKTextAlign.Left, font, ink);
            y += lineHeight;
        }
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    // Errors before the version is known (e.g. no REQUEST): answer in the version the client asked for.
    private static string GuessVersion(HttpContext context) =>
        context.Request.Query.FirstOrDefault(q => q.Key.Equals("VERSION", StringComparison.OrdinalIgnoreCase) || q.Key.Equals("WMTVER", StringComparison.OrdinalIgnoreCase))
            .Value.ToString() is "1.1.1" or "1.1.0" or "1.0.0" or "1.0.8" or "1.0.7" ? WmsVersions.V111 : WmsVersions.V130;
}
