using System.Globalization;
using System.Text;
using EnvGis.Data.Features;
using EnvGis.Ows.Features;
using NetTopologySuite.IO;

namespace EnvGis.Ows.Downloads;

/// <summary>
/// CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read Vietnamese right): id, the public
/// columns, the geometry as WKT in the asked CRS (x/y order) and a point on it as longitude/latitude
/// in WGS 84. GDAL reads the column named WKT as the geometry.
/// </summary>
public static class CsvDownload
{
    private const int FlushBytes = 64 * 1024;

    public static async Task WriteAsync(Stream output, FeatureReader reader, CancellationToken ct)
    {
        var columns = reader.Query.Columns;
        var wkt = new WKTWriter { MaxCoordinatesPerLine = int.MaxValue };
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), FlushBytes, leaveOpen: true);
        var header = new List<string> { "id" };
        header.AddRange(columns.Select(c => c.Name));
        header.AddRange(["WKT", "longitude", "latitude"]);
        await writer.WriteAsync(string.Join(',', header.Select(Quote)) + "\r\n");
        var line = new StringBuilder();
        while (await reader.ReadAsync(ct))
        {
            line.Clear().Append(reader.Id.ToString(CultureInfo.InvariantCulture));
            foreach (var value in reader.Values)
            {
                line.Append(',').Append(value is null ? "" : Quote(XsdValues.Format(value)));
            }

            line.Append(',').Append(reader.Geometry is { } g ? Quote(wkt.Write(g)) : "");
            line.Append(',').Append(XsdValues.FormatDouble(reader.Longitude)).Append(',').Append(XsdValues.FormatDouble(reader.Latitude)).Append("\r\n");
            await writer.WriteAsync(line, ct);
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>A field quoted when it holds a comma, a quote or a line break (RFC 4180).</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
