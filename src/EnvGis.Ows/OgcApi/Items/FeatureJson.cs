using System.Text.Json;
using EnvGis.Data.Features;
using EnvGis.Ows.Features;
using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.OgcApi.Items;

/// <summary>One record as a GeoJSON feature of the OGC API: id (the record id within the collection), geometry, public properties.</summary>
public static class FeatureJson
{
    public static void Write(Utf8JsonWriter json, FeatureReader reader, int propertyCount, IReadOnlyList<OgcLink>? links = null)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteNumber("id", reader.Id);
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
        var columns = reader.Query.Columns;
        var values = reader.Values;
        for (var i = 0; i < propertyCount; i++)
        {
            JsonPropertyWriter.Write(json, columns[i].Name, values[i]);
        }

        json.WriteEndObject();
        if (links is not null)
        {
            OgcApiResponses.WriteLinks(json, links);
        }

        json.WriteEndObject();
    }
}
