using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Core.Records;
using EnvGis.Data.Records;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Filters.Cql2;
using EnvGis.Ows.OgcApi.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.OgcApi.Transactions;

/// <summary>
/// The body of a Part 4 write: one GeoJSON Feature (or, for PATCH, a JSON Merge Patch of one), its
/// properties the layer's attributes and editable metadata, its geometry in the CRS of the
/// <c>Content-Crs</c> header (CRS84 by default). The size is bounded and anything else is a 400/413/415.
/// </summary>
public sealed record FeatureBody(Dictionary<string, object?> Values, Geometry? Geometry, string? Status)
{
    public static async Task<FeatureBody> ReadAsync(HttpContext http, LayerDefinition layer, int maxBytes, bool patch)
    {
        var request = http.Request;
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        string[] accepted = patch ? [MediaTypes.MergePatch, MediaTypes.GeoJson, MediaTypes.Json] : [MediaTypes.GeoJson, MediaTypes.Json];
        if (mediaType is null || !accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            throw new OgcApiException(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                $"Send the feature as {string.Join(" or ", accepted)}.", "Content-Type");
        }

        var crs = OgcCrs.Parse(request.Headers["Content-Crs"].ToString(), "Content-Crs");
        using var document = await ReadJsonAsync(http, maxBytes);
        var root = document.RootElement;
        // A merge patch may leave "type" out; anything that names a type must be a Feature.
        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t : default;
        var hasType = type.ValueKind != JsonValueKind.Undefined;
        var isFeature = type.ValueKind == JsonValueKind.String && type.GetString() == "Feature";
        if (root.ValueKind != JsonValueKind.Object || (hasType || !patch) && !isFeature)
        {
            throw OgcApiException.Invalid("body", "The body must be a GeoJSON Feature: {\"type\": \"Feature\", \"geometry\": …, \"properties\": {…}}.", "not-a-feature");
        }

        var properties = root.TryGetProperty("properties", out var p) ? p : default;
        string? status = null;
        if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(RecordMetadata.Status, out var s))
        {
            status = s.ValueKind == JsonValueKind.String ? s.GetString() : throw OgcApiException.Invalid(RecordMetadata.Status, "status is text.");
        }

        Dictionary<string, object?> values;
        try
        {
            values = RecordValues.FromJson(layer, properties, RecordMetadata.Status, RecordMetadata.Version);
        }
        catch (RecordException e)
        {
            throw OgcApiException.Invalid(e.Field ?? "properties", e.Message, e.Code ?? "invalid-value");
        }

        Geometry? geometry = null;
        if (root.TryGetProperty("geometry", out var g) && g.ValueKind != JsonValueKind.Null)
        {
            try
            {
                geometry = new Cql2Geometries(crs).FromGeoJson(g);
            }
            catch (FilterException e)
            {
                throw OgcApiException.Invalid("geometry", e.Message, "invalid-geometry");
            }
        }

        return new FeatureBody(values, geometry, status);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpContext http, int maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw OgcApiException.Invalid("body", $"The body is not valid JSON: {e.Message}", "not-a-feature");
        }
    }

    private static OgcApiException TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "too-large", $"The body is larger than {maxBytes / (1024 * 1024)} MB.", "body");
}
