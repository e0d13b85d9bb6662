using System.Text.Json.Nodes;

namespace EnvGis.Ows.OgcApi.OpenApi;

/// <summary>The schemas of the OGC API documents, in the OpenAPI 3.0 definition (components/schemas).</summary>
public static class OpenApiSchemas
{
    public static JsonObject All() => new()
    {
        ["link"] = Object(["href", "rel"], new()
        {
            ["href"] = Type("string"),
            ["rel"] = Type("string"),
            ["type"] = Type("string"),
            ["title"] = Type("string"),
            ["hreflang"] = Type("string"),
        }),
        ["links"] = new JsonObject { ["type"] = "array", ["items"] = Ref("link") },
        ["landingPage"] = Object(["links"], new()
        {
            ["title"] = Type("string"),
            ["description"] = Type("string"),
            ["links"] = Ref("links"),
        }),
        ["confClasses"] = Object(["conformsTo"], new()
        {
            ["conformsTo"] = new JsonObject { ["type"] = "array", ["items"] = Type("string") },
        }),
        ["extent"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["spatial"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["bbox"] = new JsonObject
                        {
                            ["type"] = "array",
                            ["items"] = new JsonObject { ["type"] = "array", ["minItems"] = 4, ["maxItems"] = 6, ["items"] = Type("number") },
                        },
                        ["crs"] = Type("string"),
                    },
                },
            },
        },
        ["collection"] = Object(["id", "links"], new()
        {
            ["id"] = Type("string"),
            ["title"] = Type("string"),
            ["description"] = Type("string"),
            ["itemType"] = Type("string"),
            ["extent"] = Ref("extent"),
            ["crs"] = new JsonObject { ["type"] = "array", ["items"] = Type("string") },
            ["storageCrs"] = Type("string"),
            ["license"] = Type("string"),
            ["citation"] = Type("string"),
            ["attribution"] = Type("string"),
            ["links"] = Ref("links"),
        }),
        ["collections"] = Object(["links", "collections"], new()
        {
            ["links"] = Ref("links"),
            ["collections"] = new JsonObject { ["type"] = "array", ["items"] = Ref("collection") },
        }),
        ["geometryGeoJSON"] = Object(["type"], new()
        {
            ["type"] = new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"),
            },
            ["coordinates"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject() },
        }),
        ["featureGeoJSON"] = Object(["type", "geometry", "properties"], new()
        {
            ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("Feature") },
            ["id"] = new JsonObject { ["oneOf"] = new JsonArray(Type("string"), Type("integer")) },
            ["geometry"] = new JsonObject { ["type"] = "object", ["allOf"] = new JsonArray(Ref("geometryGeoJSON")), ["nullable"] = true },
            ["properties"] = new JsonObject { ["type"] = "object", ["nullable"] = true },
            ["links"] = Ref("links"),
        }),
        ["featureCollectionGeoJSON"] = Object(["type", "features"], new()
        {
            ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("FeatureCollection") },
            ["features"] = new JsonObject { ["type"] = "array", ["items"] = Ref("featureGeoJSON") },
            ["links"] = Ref("links"),
            ["timeStamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["numberMatched"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
            ["numberReturned"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
        }),
        ["queryables"] = Object(["type", "properties"], new()
        {
            ["type"] = Type("string"),
            ["title"] = Type("string"),
            ["properties"] = new JsonObject { ["type"] = "object" },
        }),
        ["exception"] = Object(["code", "status"], new()
        {
            ["type"] = Type("string"),
            ["title"] = Type("string"),
            ["status"] = Type("integer"),
            ["detail"] = Type("string"),
            ["code"] = Type("string"),
            ["parameter"] = Type("string"),
        }),
    };

    public static JsonObject Ref(string schema) => new() { ["$ref"] = "#/components/schemas/" + schema };

    public static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Object(string[] required, JsonObject properties) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray(required.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
        ["properties"] = properties,
    };
}
