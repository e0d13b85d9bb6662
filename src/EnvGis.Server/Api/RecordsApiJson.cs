using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Data.Records;
using Microsoft.Net.Http.Headers;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace EnvGis.Server.Api;

/// <summary>
/// GeoJSON in and out of the records API: reading request bodies (JSON only, size-limited),
/// writing records as features, and refusals as RFC 7807 problem details.
/// </summary>
public static class RecordsApiJson
{
    public const string ContentType = "application/geo+json";

    /// <summary>The largest request body of the records API.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>
    /// The request body as a JSON object. A JSON content type is required (a cross-site form cannot
    /// send one), bodies over <see cref="MaxBodyBytes"/> are refused.
    /// </summary>
    public static async Task<JsonDocument> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (mediaType is not ("application/json" or ContentType))
        {
            throw new RecordException(RecordErrorKind.Invalid, $"Send the body as application/json or {ContentType}.", "Content-Type");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw RecordException.Invalid("The body must be a JSON object.");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw RecordException.Invalid($"The body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The values, geometry (EPSG:4326) and base version of a GeoJSON feature body.</summary>
    public static (Dictionary<string, object?> Values, Geometry? Geometry, int? Version) ReadFeature(
        LayerDefinition layer, JsonElement body, bool requireGeometry)
    {
        var properties = body.TryGetProperty("properties", out var p) ? p : default;
        var values = RecordValues.FromJson(layer, properties, RecordMetadata.Version);
        var version = Int(properties, RecordMetadata.Version) ?? Int(body, RecordMetadata.Version);
        Geometry? geometry = null;
        if (body.TryGetProperty("geometry", out var g) && g.ValueKind != JsonValueKind.Null)
        {
            try
            {
                geometry = g.Deserialize<Geometry>(GeoJsonOptions) ?? throw new JsonException("empty geometry");
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
            {
                throw RecordException.Invalid($"The geometry is not a valid GeoJSON geometry: {e.Message}", "geometry");
            }

            geometry.SRID = 4326;
        }
        else if (requireGeometry)
        {
            throw RecordException.Invalid("A GeoJSON geometry (EPSG:4326, longitude/latitude) is required.", "geometry");
        }

        return (values, geometry, version);
    }

    /// <summary>An integer member of a JSON object, or null when absent; anything else is refused.</summary>
    public static int? Int(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw RecordException.Invalid($"'{name}' must be an integer.", name);
    }

    public static IResult Feature(LayerDefinition layer, RecordDocument record, Func<RecordDocument, bool> privileged, int status = 200) =>
        new GeoJsonResult(status, $"W/\"{record.Version}\"", json => WriteFeature(json, layer, record, privileged(record)));

    public static IResult Collection(LayerDefinition layer, IReadOnlyList<RecordDocument> records, Func<RecordDocument, bool> privileged) =>
        new GeoJsonResult(StatusCodes.Status200OK, null, json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var record in records)
            {
                WriteFeature(json, layer, record, privileged(record));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    public static IResult Problem(RecordException e, int? status = null)
    {
        var code = status ?? e.Kind switch
        {
            RecordErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            RecordErrorKind.NotFound => StatusCodes.Status404NotFound,
            RecordErrorKind.Conflict => StatusCodes.Status409Conflict,
            RecordErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        var title = code switch
        {
            StatusCodes.Status401Unauthorized => "Not signed in",
            StatusCodes.Status403Forbidden => "Not allowed",
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status409Conflict => "Conflict",
            StatusCodes.Status413PayloadTooLarge => "Too large",
            _ => "Invalid request",
        };
        var extensions = new Dictionary<string, object?>();
        if (e.Field is not null)
        {
            extensions["field"] = e.Field;
        }

        // Every refusal carries a code the portal can translate: the specific one, else one per status.
        extensions["code"] = e.Code ?? code switch
        {
            StatusCodes.Status401Unauthorized => "not-signed-in",
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status404NotFound => "not-found",
            StatusCodes.Status409Conflict => "workflow-conflict",
            StatusCodes.Status413PayloadTooLarge => "too-large",
            _ => "invalid-request",
        };

        return Results.Problem(statusCode: code, title: title, detail: e.Message, extensions: extensions);
    }

    /// <summary>
    /// A record as a feature. Everyone gets the attributes, the public metadata and the version;
    /// owner-unit members and the administrator also get the owner, commune, restricted flag and who/when.
    /// </summary>
    private static void WriteFeature(Utf8JsonWriter json, LayerDefinition layer, RecordDocument record, bool privileged)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", record.FeatureId);
        json.WritePropertyName("geometry");
        json.WriteRawValue(record.GeoJson, skipInputValidation: true);
        json.WriteStartObject("properties");
        foreach (var column in record.Columns.EnumerateObject())
        {
            var name = column.Name;
            if (name == RecordMetadata.Id)
            {
                continue;
            }

            var shown = privileged || PublicColumns.Find(layer, name) is not null || name == RecordMetadata.Version;
            if (shown)
            {
                column.WriteTo(json);
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static RecordException TooLarge() =>
        new(RecordErrorKind.TooLarge, $"The body is larger than {MaxBodyBytes / (1024 * 1024)} MB.");

    /// <summary>Streams GeoJSON to the response with an optional ETag.</summary>
    private sealed class GeoJsonResult(int status, string? etag, Action<Utf8JsonWriter> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = ContentType;
            response.Headers.CacheControl = "private, no-store";
            if (etag is not null)
            {
                response.Headers.ETag = etag;
            }

            await using var json = new Utf8JsonWriter(response.Body);
            write(json);
            await json.FlushAsync(httpContext.RequestAborted);
        }
    }
}
