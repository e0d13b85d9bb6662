using System.Globalization;
using System.IO.Compression;
using System.Text;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Features;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace EnvGis.Ows.Downloads;

/// <summary>
/// A zipped Esri Shapefile written by NetTopologySuite.IO.Esri.Shapefile into a temporary folder
/// (the .shx and the DBF header need seeking): .shp, .shx, .dbf in UTF-8 with its .cpg, the .prj from
/// PostGIS's definition of the CRS, then the licence, a README with the field names and the ISO metadata.
/// </summary>
public static class ShapefileDownload
{
    /// <summary>The widest DBF text field (bytes).</summary>
    public const int MaxTextBytes = 254;

    /// <param name="textLengths">The longest value in bytes of each text column, in the order of the text columns.</param>
    /// <param name="zipPath">Where to write the archive; <paramref name="folder"/> (empty) receives the shapefile's parts.</param>
    public static async Task WriteAsync(string zipPath, string folder, LayerDefinition layer, FeatureReader reader, IReadOnlyList<int> textLengths,
        string projection, DownloadTerms terms, string metadataXml, string metadataUrl, CancellationToken ct)
    {
        var columns = reader.Query.Columns;
        var names = ShapefileFields.Names(columns.Select(c => c.Name));
        var options = new ShapefileWriterOptions(ShapeTypeOf(layer.GeometryKind)) { Encoding = Encoding.UTF8, Projection = projection };
        options.AddNumericInt64Field("id");
        var text = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            switch (columns[i].Type)
            {
                case AttributeType.Integer:
                    options.AddNumericInt32Field(names[i]);
                    break;
                case AttributeType.Number:
                    options.AddNumericDoubleField(names[i]);
                    break;
                case AttributeType.Boolean:
                    options.AddLogicalField(names[i]);
                    break;
                case AttributeType.Date:
                    options.AddDateField(names[i]);
                    break;
                default:
                    options.AddCharacterField(names[i], Math.Clamp(textLengths[text++], 1, MaxTextBytes));
                    break;
            }
        }

        var path = Path.Combine(folder, layer.Name);
        using (var writer = Shapefile.OpenWrite(path, options))
        {
            while (await reader.ReadAsync(ct))
            {
                writer.Geometry = reader.Geometry;
                writer.Fields["id"].Value = reader.Id;
                for (var i = 0; i < columns.Count; i++)
                {
                    writer.Fields[names[i]].Value = reader.Values[i] switch
                    {
                        null => null,
                        string s => Fit(s),
                        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        var v => v,
                    };
                }

                writer.Write();
            }
        }

        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            zip.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.Fastest);
        }

        Add(zip, "LICENCE.txt", terms.Text(metadataUrl));
        Add(zip, "README.txt", Readme(layer, columns, names));
        Add(zip, layer.Name + ".xml", metadataXml);
    }

    /// <summary>A value cut to the widest DBF text field at a character boundary, so Vietnamese letters stay whole.</summary>
    public static string Fit(string value)
    {
        if (Encoding.UTF8.GetByteCount(value) <= MaxTextBytes)
        {
            return value;
        }

        var length = value.Length;
        while (Encoding.UTF8.GetByteCount(value.AsSpan(0, length)) > MaxTextBytes || char.IsHighSurrogate(value[length - 1]))
        {
            length--;
        }

        return value[..length];
    }

    private static ShapeType ShapeTypeOf(GeometryKind kind) => kind switch
    {
        GeometryKind.Point => ShapeType.Point,
        GeometryKind.MultiLineString => ShapeType.PolyLine,
        _ => ShapeType.Polygon,
    };

    private static string Readme(LayerDefinition layer, IReadOnlyList<FeatureColumn> columns, IReadOnlyList<string> names)
    {
        var text = new StringBuilder();
        text.AppendLine(layer.Title.Vi + " / " + layer.Title.En).AppendLine();
        text.AppendLine("Tên trường DBF (tối đa 10 ký tự) / DBF field names (at most 10 characters):");
        text.AppendLine("id = record id / mã bản ghi");
        for (var i = 0; i < columns.Count; i++)
        {
            var label = layer.FindAttribute(columns[i].Name)?.Label;
            text.AppendLine($"{names[i]} = {columns[i].Name}{(label is null ? "" : $" ({label.Vi} / {label.En})")}");
        }

        text.AppendLine().AppendLine($"Văn bản dài hơn {MaxTextBytes} byte bị cắt (giới hạn của DBF); tải GeoPackage để có đầy đủ.");
        text.AppendLine($"Text longer than {MaxTextBytes} bytes is cut (a DBF limit); download the GeoPackage for the full values.");
        return text.ToString();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
