using System.Globalization;
using System.Net;
using System.Xml.Linq;
using EnvGis.Core.Styling;
using EnvGis.Server.Styles;
using EnvGis.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SkiaSharp;

namespace EnvGis.Server.Tests.Wms;

/// <summary>Requests to the WMS of the test server, decoded images, and the database truths to compare them with.</summary>
public static class WmsTestSupport
{
    public static readonly XNamespace WmsNs = "http://www.opengis.net/wms";
    public static readonly XNamespace Ogc = "http://www.opengis.net/ogc";
    public static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    // Inside Cát Bà National Park (sample-data/README.md).
    public const double ParkLon = 107.05;
    public const double ParkLat = 20.80;

    /// <summary>The Cát Bà area as lon/lat: minx, miny, maxx, maxy.</summary>
    public static readonly double[] CatBa = [106.95, 20.72, 107.20, 20.88];

    public sealed record Response(HttpStatusCode Status, byte[] Body, string? ContentType, System.Net.Http.Headers.HttpResponseHeaders Headers)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);
    }

    public static async Task<Response> WmsAsync(this ServerFixture server, string query, string path = "/wms",
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path + "?" + query);
        configure?.Invoke(request);
        using var response = await server.Client.SendAsync(request);
        return new Response(response.StatusCode, await response.Content.ReadAsByteArrayAsync(),
            response.Content.Headers.ContentType?.ToString(), response.Headers);
    }

    public static async Task<Response> WmsOkAsync(this ServerFixture server, string query, string? contentType = null)
    {
        var response = await server.WmsAsync(query);
        Assert.True(response.Status == HttpStatusCode.OK,
            $"{query} → {(int)response.Status}: {response.Text[..Math.Min(response.Text.Length, 1500)]}");
        if (contentType is not null)
        {
            Assert.StartsWith(contentType, response.ContentType);
        }

        return response;
    }

    /// <summary>GetMap as a decoded image (unpremultiplied RGBA), asserting HTTP 200 and a PNG.</summary>
    public static async Task<SKBitmap> MapAsync(this ServerFixture server, string query)
    {
        var response = await server.WmsOkAsync(query);
        Assert.True(response.ContentType?.StartsWith("image/", StringComparison.Ordinal) == true,
            $"{query} → {response.ContentType}: {response.Text[..Math.Min(response.Text.Length, 1500)]}");
        return Decode(response.Body);
    }

    public static SKBitmap Decode(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes)) ?? throw new InvalidDataException("not an image");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        Assert.True(result is SKCodecResult.Success or SKCodecResult.IncompleteInput, $"decoding failed: {result}");
        return bitmap;
    }

    /// <summary>GetMap 1.1.1 query over a lon/lat box in EPSG:4326.</summary>
    public static string Map111(string layers, double[] box, int width, int height, string extra = "") =>
        $"SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS={layers}&STYLES=&SRS=EPSG:4326&BBOX={Box(box)}" +
        $"&WIDTH={width}&HEIGHT={height}&FORMAT=image/png&TRANSPARENT=TRUE{extra}";

    /// <summary>GetMap 1.3.0 query over a lon/lat box in EPSG:4326, written lat/lon as 1.3.0 requires.</summary>
    public static string Map130(string layers, double[] box, int width, int height, string extra = "") =>
        $"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={layers}&STYLES=&CRS=EPSG:4326&BBOX={Box([box[1], box[0], box[3], box[2]])}" +
        $"&WIDTH={width}&HEIGHT={height}&FORMAT=image/png&TRANSPARENT=TRUE{extra}";

    public static string Box(double[] box) => string.Join(",", box.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>Lon/lat of the centre of pixel (i, j) of a lon/lat map.</summary>
    public static (double Lon, double Lat) LonLatOf(double[] box, int width, int height, int i, int j) =>
        (box[0] + (i + 0.5) * (box[2] - box[0]) / width, box[3] - (j + 0.5) * (box[3] - box[1]) / height);

    public static bool Near(SKColor actual, SKColor expected, int tolerance) =>
        Math.Abs(actual.Red - expected.Red) <= tolerance && Math.Abs(actual.Green - expected.Green) <= tolerance
        && Math.Abs(actual.Blue - expected.Blue) <= tolerance && Math.Abs(actual.Alpha - expected.Alpha) <= tolerance;

    /// <summary>The style the server loaded for a layer (the same object WMS renders from).</summary>
    public static LayerStyle Style(this ServerFixture server, string layer) =>
        server.Services.GetRequiredService<StyleLibrary>().Find(layer) ?? throw new InvalidOperationException($"no style for {layer}");

    /// <summary>The fill of a rule's PolygonSymbolizer as an unpremultiplied colour with its opacity as alpha.</summary>
    public static SKColor RuleFill(this ServerFixture server, string layer, string rule)
    {
        var symbolizer = server.Style(layer).Rules.Single(r => r.Name == rule).Symbolizers.OfType<PolygonSymbolizer>().First();
        var rgb = uint.Parse(symbolizer.Fill!.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb, (byte)Math.Round((symbolizer.FillOpacity ?? 1) * 255));
    }

    /// <summary>
    /// For each lon/lat point, the values of <paramref name="ruleColumn"/> (the style rule names) of the
    /// layer's public records that contain it with a margin of <paramref name="margin"/> degrees, in id
    /// order; empty when the point is that far from every public record; null when it is near an edge.
    /// </summary>
    public static async Task<List<string[]?>> CoveringAsync(this ServerFixture server, string layer, string ruleColumn,
        IReadOnlyList<(double Lon, double Lat)> points, double margin)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            WITH p AS (SELECT ordinality AS n, ST_SetSRID(ST_MakePoint(x, y), 4326) AS g
                       FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS t(x, y)),
                 v AS (SELECT r.id, r."{ruleColumn}"::text AS rule, r.geom FROM data."{layer}" AS r
                       WHERE r.status = 'published' AND NOT r.restricted)
            SELECT CASE WHEN EXISTS (SELECT 1 FROM v WHERE ST_DWithin(ST_Boundary(v.geom), p.g, $3)) THEN NULL
                        ELSE coalesce((SELECT array_agg(v.rule ORDER BY v.id) FROM v WHERE ST_Contains(v.geom, p.g)), ARRAY[]::text[]) END
            FROM p ORDER BY p.n
            """, connection);
        command.Parameters.AddWithValue(points.Select(p => p.Lon).ToArray());
        command.Parameters.AddWithValue(points.Select(p => p.Lat).ToArray());
        command.Parameters.AddWithValue(margin);
        var result = new List<string[]?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.IsDBNull(0) ? null : reader.GetFieldValue<string[]>(0));
        }

        return result;
    }

    /// <summary>
    /// The colours a stack of translucent fills can give over a transparent background (source-over),
    /// one per drawing order: the renderer draws in the database's order, which the test does not fix.
    /// </summary>
    public static List<SKColor> Composites(IReadOnlyList<SKColor> fills)
    {
        var result = new List<SKColor>();
        foreach (var order in Permutations(fills.ToList()))
        {
            double r = 0, g = 0, b = 0, a = 0;
            foreach (var f in order)
            {
                var fa = f.Alpha / 255.0;
                r = f.Red * fa + r * (1 - fa);
                g = f.Green * fa + g * (1 - fa);
                b = f.Blue * fa + b * (1 - fa);
                a = fa + a * (1 - fa);
            }

            result.Add(a == 0 ? SKColors.Transparent
                : new SKColor((byte)Math.Round(r / a), (byte)Math.Round(g / a), (byte)Math.Round(b / a), (byte)Math.Round(a * 255)));
        }

        return result;
    }

    private static IEnumerable<List<SKColor>> Permutations(List<SKColor> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, k) => k != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    public static async Task<int> ExecuteSqlAsync(this ServerFixture server, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.AddWithValue(p);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Counts the pixels whose alpha is above <paramref name="alpha"/>.</summary>
    public static int Opaque(SKBitmap bitmap, byte alpha = 0)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y).Alpha > alpha)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Asserts a WMS ServiceExceptionReport (1.3.0 or 1.1.1) with the code, and returns the exception element.</summary>
    public static XElement AssertServiceException(Response response, string code, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.True(response.Status == status, $"expected {(int)status}, got {(int)response.Status}: {response.Text}");
        Assert.Contains("<ServiceExceptionReport", response.Text, StringComparison.Ordinal);
        var exception = XDocument.Parse(response.Text).Root!.Elements().Single(e => e.Name.LocalName == "ServiceException");
        Assert.Equal(code, exception.Attribute("code")?.Value);
        return exception;
    }
}
