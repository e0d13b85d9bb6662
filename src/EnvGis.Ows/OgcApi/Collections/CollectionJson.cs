using System.Text.Json;
using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.OgcApi.Collections;

/// <summary>A collection document in JSON (OGC API Features /req/core/sfc-md-op, Part 2 crs and storageCrs).</summary>
public static class CollectionJson
{
    public static void Write(Utf8JsonWriter json, OgcApiContext context, CollectionDescription collection)
    {
        var layer = collection.Layer;
        json.WriteStartObject();
        json.WriteString("id", layer.Name);
        json.WriteString("title", context.Text(layer.Title));
        json.WriteString("description", context.Text(layer.Abstract));
        json.WriteString("itemType", "feature");
        json.WriteStartObject("extent");
        json.WriteStartObject("spatial");
        json.WriteStartArray("bbox");
        json.WriteStartArray();
        foreach (var value in collection.Extent ?? Html.StaticMap.CityBounds)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteString("crs", OgcCrs.Crs84);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("crs");
        foreach (var crs in OgcCrs.All)
        {
            json.WriteStringValue(crs);
        }

        json.WriteEndArray();
        json.WriteString("storageCrs", OgcCrs.Crs84);
        if (layer.Licence is { } licence)
        {
            json.WriteString("license", context.Text(licence));
        }

        if (layer.Citation is { } citation)
        {
            json.WriteString("citation", context.Text(citation));
        }

        if (layer.Attribution is { } attribution)
        {
            json.WriteString("attribution", attribution);
        }

        OgcApiResponses.WriteLinks(json, collection.Links);
        json.WriteEndObject();
    }
}
