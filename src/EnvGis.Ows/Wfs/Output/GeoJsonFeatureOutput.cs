using System.Text.Encodings.Web;
using System.Text.Json;
using EnvGis.Data.Features;
using EnvGis.Ows.Features;
using EnvGis.Ows.Wfs.GetFeature;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Wfs.Output;

/// <summary>
/// Streams GeoJSON (RFC 7946): geometries from PostGIS ST_AsGeoJSON, always x/y (lon/lat in WGS 84);
/// another CRS, when asked for, is named in a "crs" member. Ids are &lt;layer&gt;.&lt;id&gt;.
/// </summary>
public sealed class GeoJsonFeatureOutput(HttpResponse response) : FeatureOutput
{
    private const int FlushThreshold = 64 * 1024;
    private Utf8JsonWriter json = null!;
    private CollectionInfo info = null!;

    public override Task StartAsync(CollectionInfo collection)
    {
        info = collection;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/geo+json; charset=utf-8";
        json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        if (info.Single)
        {
            return Task.CompletedTask;
        }

        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteNumber("numberMatched", info.Matched);
        json.WriteNumber("numberReturned", info.Returned);
        json.WriteString("timeStamp", info.TimeStamp);
        if (info.Srid is { } srid and not 4326)
        {
            Crs($"urn:ogc:def:crs:EPSG::{srid}");
        }
        if (info.Next is not null || info.Previous is not null)
        {
            json.WriteStartArray("links");
            Link("next", info.Next);
            Link("previous", info.Previous);
            json.WriteEndArray();
        }

        json.WriteStartArray("features");
        return Task.CompletedTask;
    }

    private void Link(string relation, string? href)
    {
        if (href is null)
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString("rel", relation);
        json.WriteString("type", "application/geo+json");
        json.WriteString("href", href);
        json.WriteEndObject();
    }

    public override async ValueTask WriteAsync(QueryPlan plan, FeatureReader reader)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", plan.Type.FeatureId(reader.Id));
        if (plan.OutputCrs.Srid != 4326 && info.Single)
        {
            Crs(plan.OutputCrs.System.Urn);
        }

        json.WritePropertyName("geometry");
        if (reader.GeoJson is { } geometry)
        {
            json.WriteRawValue(geometry, skipInputValidation: true);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartObject("properties");
        var values = reader.Values;
        var column = 0;
        foreach (var property in plan.Output)
        {
            if (property.IsGeometry)
            {
                continue;
            }

            JsonPropertyWriter.Write(json, property.Name, values[column++]);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        if (json.BytesPending >= FlushThreshold)
        {
            json.Flush();
            await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted);
        }
    }

    private void Crs(string name)
    {
        json.WriteStartObject("crs");
        json.WriteString("type", "name");
        json.WriteStartObject("properties");
        json.WriteString("name", name);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public override async Task EndAsync()
    {
        if (!info.Single)
        {
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.Flush();
        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted);
    }

    public override async ValueTask DisposeAsync()
    {
        if (json is not null)
        {
            await json.DisposeAsync();
        }
    }
}
