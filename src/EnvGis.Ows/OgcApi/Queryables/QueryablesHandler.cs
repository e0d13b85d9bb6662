using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Html;

namespace EnvGis.Ows.OgcApi.Queryables;

/// <summary>
/// /collections/{layer}/queryables (OGC API Features Part 3): a JSON Schema of what filters may name —
/// the layer's public columns with their types, labels and allowed values, and the geometry (as
/// <c>geometry</c>). The validity period is valid_from/valid_to, also reachable as <c>validity</c>.
/// /collections/{layer}/schema is the same schema of the features' properties (the collection's
/// <c>describedby</c> link: GDAL reads the field types from it).
/// </summary>
public static class QueryablesHandler
{
    public const string SchemaPath = "/schema";

    private static readonly IReadOnlySet<string> NoParameters = new HashSet<string>();

    public static Task HandleAsync(OgcApiContext context, string name, bool schema = false)
    {
        var layer = context.Layer(name);
        context.AllowParameters(NoParameters);
        var columns = PublicColumns.Of(layer);
        if (context.Format == OgcApiFormat.Json || schema)
        {
            return OgcApiResponses.JsonAsync(context, MediaTypes.JsonSchema, json => Write(json, context, layer, columns, schema));
        }

        var crumbs = HtmlLayout.Crumbs(context);
        crumbs.Add((context.Url("/collections/" + layer.Name, OgcApiFormat.Html), context.Text(layer.Title)));
        var page = HtmlLayout.Page(context, context.Text(HtmlStrings.Queryables) + " – " + context.Text(layer.Title), crumbs, html =>
        {
            html.Open("table").Open("thead").Open("tr").Element("th", context.Text(HtmlStrings.Property)).Element("th", context.Text(HtmlStrings.Type))
                .Element("th", "").Close("tr").Close("thead").Open("tbody")
                .Open("tr").Element("td", "geometry").Element("td", layer.GeometryKind.ToString()).Element("td", "").Close("tr");
            foreach (var column in columns)
            {
                html.Open("tr").Element("td", column.Name).Element("td", column.Type.Name())
                    .Element("td", column.Attribute is { } a ? context.Text(a.Label) : Label(column.Name).In(context.Language)).Close("tr");
            }

            html.Close("tbody").Close("table");
        }, context.Url($"/collections/{layer.Name}/queryables", OgcApiFormat.Json));
        return OgcApiResponses.HtmlAsync(context, page);
    }

    /// <summary>
    /// The queryables (the geometry and the columns as top-level properties), or with <paramref name="schema"/>
    /// the schema of a whole GeoJSON feature (type, id, geometry, and the columns under "properties").
    /// </summary>
    private static void Write(Utf8JsonWriter json, OgcApiContext context, LayerDefinition layer, IReadOnlyList<PublicColumn> columns, bool schema)
    {
        json.WriteStartObject();
        json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        json.WriteString("$id", context.BaseUrl + $"/collections/{layer.Name}" + (schema ? SchemaPath : "/queryables"));
        json.WriteString("type", "object");
        json.WriteString("title", context.Text(layer.Title));
        if (schema)
        {
            json.WriteStartArray("required");
            json.WriteStringValue("type");
            json.WriteStringValue("geometry");
            json.WriteStringValue("properties");
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        if (schema)
        {
            json.WriteStartObject("type");
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            json.WriteStringValue("Feature");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("id");
            json.WriteString("type", "integer");
            json.WriteString("x-ogc-role", "id");
            json.WriteEndObject();
        }

        Geometry(json, context, layer);
        if (schema)
        {
            json.WriteStartObject("properties");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
        }

        Columns(json, context, columns);
        if (schema)
        {
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
    }

    private static void Geometry(Utf8JsonWriter json, OgcApiContext context, LayerDefinition layer)
    {
        json.WriteStartObject("geometry");
        json.WriteString("title", context.Text(HtmlStrings.Geometry));
        json.WriteString("format", layer.GeometryKind switch
        {
            GeometryKind.Point => "geometry-point",
            GeometryKind.MultiLineString => "geometry-multilinestring",
            _ => "geometry-multipolygon",
        });
        json.WriteString("x-ogc-role", "primary-geometry");
        json.WriteEndObject();
    }

    private static void Columns(Utf8JsonWriter json, OgcApiContext context, IReadOnlyList<PublicColumn> columns)
    {
        foreach (var column in columns)
        {
            json.WriteStartObject(column.Name);
            json.WriteString("title", column.Attribute is { } a ? context.Text(a.Label) : Label(column.Name).In(context.Language));
            var (type, format) = column.Type switch
            {
                AttributeType.Integer => ("integer", null),
                AttributeType.Number => ("number", null),
                AttributeType.Boolean => ("boolean", null),
                AttributeType.Date => ("string", "date"),
                AttributeType.DateTime => ("string", "date-time"),
                _ => ("string", (string?)null),
            };
            json.WriteString("type", type);
            if (format is not null)
            {
                json.WriteString("format", format);
            }

            if (column.Name == RecordMetadata.ValidFrom)
            {
                json.WriteString("x-ogc-role", "primary-interval-start");
            }
            else if (column.Name == RecordMetadata.ValidTo)
            {
                json.WriteString("x-ogc-role", "primary-interval-end");
            }

            var allowed = column.Attribute?.AllowedValues ?? (column.Name == RecordMetadata.Status ? RecordStatus.All : null);
            if (allowed is not null)
            {
                json.WriteStartArray("enum");
                foreach (var value in allowed)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }
    }

    /// <summary>Labels of the public metadata columns.</summary>
    public static LocalizedText Label(string column) => EditableMetadata.Find(column)?.Label
        ?? (column == RecordMetadata.Status ? new LocalizedText("Trạng thái", "Status") : new LocalizedText(column, column));
}
