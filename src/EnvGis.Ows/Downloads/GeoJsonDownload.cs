using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Features;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Items;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Downloads;

/// <summary>
/// A GeoJSON FeatureCollection streamed from the reader (as the OGC API items are), with the terms as
/// foreign members: <c>name</c>, <c>license</c>, <c>citation</c>, <c>dataUse</c> (and <c>notice</c> when the
/// data may not be used commercially), and links to the ISO metadata and the licence.
/// </summary>
public static class GeoJsonDownload
{
    private const int FlushThreshold = 64 * 1024;

    public static async Task WriteAsync(HttpResponse response, LayerDefinition layer, FeatureReader reader, DownloadTerms terms,
        IReadOnlyList<OgcLink> links, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(response.BodyWriter, OgcApiResponses.WriterOptions);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("name", layer.Name);
        json.WriteString("title", layer.Title.Vi);
        if (layer.Licence is { } licence)
        {
            json.WriteString("license", licence.Vi + " / " + licence.En);
        }

        if (layer.Citation is { } citation)
        {
            json.WriteString("citation", citation.Vi + " / " + citation.En);
        }

        json.WriteString("dataUse", terms.Use);
        if (terms.NonPublic)
        {
            json.WriteString("notice", DownloadTerms.NotForCommercialUse.Vi + " / " + DownloadTerms.NotForCommercialUse.En);
        }

        OgcApiResponses.WriteLinks(json, links);
        json.WriteStartArray("features");
        var properties = reader.Query.Columns.Count;
        while (await reader.ReadAsync(ct))
        {
            FeatureJson.Write(json, reader, properties);
            if (json.BytesPending >= FlushThreshold)
            {
                json.Flush();
                await response.BodyWriter.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }
}
