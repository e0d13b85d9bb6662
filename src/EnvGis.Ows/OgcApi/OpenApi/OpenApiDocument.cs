using System.Text.Json.Nodes;
using EnvGis.Core.Catalogue;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Html;

namespace EnvGis.Ows.OgcApi.OpenApi;

/// <summary>
/// The OpenAPI 3.0 definition of the OGC API as this caller sees it (/ogcapi/api): the landing page,
/// conformance, collections, and for each layer the caller may read its collection, items (with every
/// query parameter, its queryables as property filters, and Part 4 POST), item (GET, PUT, PATCH,
/// DELETE with If-Match) and queryables. Clients read the limits from it (QGIS: limit's maximum).
/// </summary>
public static class OpenApiDocument
{
    public static JsonObject Build(OgcApiContext context, OgcApiOptions options)
    {
        var paths = new JsonObject
        {
            ["/"] = Get("getLandingPage", "Landing page", "Capabilities", "landingPage", [Parameter("f"), Parameter("lang")]),
            ["/conformance"] = Get("getConformance", "Conformance classes", "Capabilities", "confClasses", [Parameter("f"), Parameter("lang")]),
            ["/api"] = new JsonObject
            {
                ["get"] = Operation("getApi", "This API definition (OpenAPI 3.0)", "Capabilities", [Parameter("f"), Parameter("lang")], new JsonObject
                {
                    ["200"] = new JsonObject
                    {
                        ["description"] = "The API definition.",
                        ["content"] = new JsonObject
                        {
                            [MediaTypes.OpenApi] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } },
                            [MediaTypes.Html] = new JsonObject { ["schema"] = OpenApiSchemas.Type("string") },
                        },
                    },
                    ["400"] = RefResponse("Problem"),
                }),
            },
            ["/collections"] = Get("getCollections", "The collections (layers) you may read", "Data", "collections", [Parameter("f"), Parameter("lang")]),
        };
        foreach (var layer in context.VisibleLayers)
        {
            AddLayer(paths, layer, context);
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = context.Text(HtmlStrings.Site),
                ["version"] = "1.0.0",
                ["description"] = context.Text(HtmlStrings.Intro) + " OGC API – Features Parts 1–4 with CQL2 (docs/ogcapi.md).",
                // Each layer's own licence is in its collection document; the open-data pages explain the terms.
                ["license"] = new JsonObject
                {
                    ["name"] = context.Language == "vi" ? "Dữ liệu mở của thành phố Hải Phòng" : "Open data of Hải Phòng city",
                    ["url"] = context.Url("/collections", OgcApiFormat.Html),
                },
                ["contact"] = new JsonObject { ["name"] = context.Language == "vi" ? "Sở Nông nghiệp và Môi trường Hải Phòng" : "Hải Phòng Department of Agriculture and Environment" },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = context.BaseUrl, ["description"] = context.Text(HtmlStrings.Site) }),
            // Reading needs no account (what a caller sees depends on it); writes name their own schemes.
            ["security"] = new JsonArray(new JsonObject(), new JsonObject { ["basicAuth"] = new JsonArray() }, new JsonObject { ["bearerAuth"] = new JsonArray() }),
            ["tags"] = new JsonArray(
                new JsonObject { ["name"] = "Capabilities", ["description"] = "Landing page, conformance and this definition." },
                new JsonObject { ["name"] = "Data", ["description"] = "Collections, features and queryables." },
                new JsonObject { ["name"] = "Transactions", ["description"] = "Creating, replacing, updating and deleting features (Part 4), with HTTP Basic or a bearer token." }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = OpenApiSchemas.All(),
                ["parameters"] = Parameters(options),
                ["responses"] = Responses(),
                ["securitySchemes"] = new JsonObject
                {
                    ["basicAuth"] = new JsonObject { ["type"] = "http", ["scheme"] = "basic" },
                    ["bearerAuth"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" },
                },
            },
        };
    }

    private static void AddLayer(JsonObject paths, LayerDefinition layer, OgcApiContext context)
    {
        var name = layer.Name;
        var title = context.Text(layer.Title);
        paths[$"/collections/{name}"] = Get($"describeCollection_{name}", $"The collection {title}", "Data", "collection", [Parameter("f"), Parameter("lang")]);
        var itemsParameters = new JsonArray(Parameter("limit"), Parameter("offset"), Parameter("bbox"), Parameter("bbox-crs"), Parameter("datetime"), Parameter("filter"),
            Parameter("filter-lang"), Parameter("filter-crs"), Parameter("crs"), Parameter("f"), Parameter("lang"));
        foreach (var column in PublicColumns.Of(layer))
        {
            itemsParameters.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["in"] = "query",
                ["required"] = false,
                ["description"] = $"Features whose {column.Name} equals this value.",
                ["schema"] = ColumnSchema(column),
            });
        }

        paths[$"/collections/{name}/items"] = new JsonObject
        {
            ["get"] = Operation($"getFeatures_{name}", $"Features of {title}", "Data", itemsParameters, new JsonObject
            {
                ["200"] = Content("A page of features.", MediaTypes.GeoJson, OpenApiSchemas.Ref("featureCollectionGeoJSON"), html: true),
                ["400"] = RefResponse("Problem"),
                ["404"] = RefResponse("Problem"),
            }),
            ["post"] = Write($"createFeature_{name}", $"Creates a feature of {title} (a draft or submitted record of your unit)", [Parameter("Content-Crs")],
                MediaTypes.GeoJson, new JsonObject { ["201"] = new JsonObject { ["description"] = "Created; Location names the new feature, ETag its version." } }),
            ["options"] = Options($"itemsOptions_{name}"),
        };
        paths[$"/collections/{name}/items/{{featureId}}"] = new JsonObject
        {
            ["parameters"] = new JsonArray(Parameter("featureId")),
            ["get"] = Operation($"getFeature_{name}", $"One feature of {title}; its ETag is its version", "Data", [Parameter("crs"), Parameter("f"), Parameter("lang")], new JsonObject
            {
                ["200"] = Content("The feature.", MediaTypes.GeoJson, OpenApiSchemas.Ref("featureGeoJSON"), html: true),
                ["400"] = RefResponse("Problem"),
                ["404"] = RefResponse("Problem"),
            }),
            ["put"] = Write($"replaceFeature_{name}", "Replaces a feature (If-Match: its ETag)", [Parameter("If-Match"), Parameter("Content-Crs")], MediaTypes.GeoJson, Changed()),
            ["patch"] = Write($"updateFeature_{name}", "Changes some properties and/or the geometry (JSON Merge Patch; If-Match: its ETag)",
                [Parameter("If-Match"), Parameter("Content-Crs")], MediaTypes.MergePatch, Changed()),
            ["delete"] = Write($"deleteFeature_{name}", "Deletes (archives) a feature (If-Match: its ETag); it can be restored", [Parameter("If-Match")], null,
                new JsonObject { ["204"] = new JsonObject { ["description"] = "Deleted." } }),
            ["options"] = Options($"itemOptions_{name}"),
        };
        paths[$"/collections/{name}/queryables"] = Get($"getQueryables_{name}", $"What filters on {title} may name", "Data", "queryables",
            [Parameter("f"), Parameter("lang")], MediaTypes.JsonSchema);
        paths[$"/collections/{name}/schema"] = Get($"getSchema_{name}", $"The schema of the features of {title}", "Data", "queryables",
            [Parameter("lang")], MediaTypes.JsonSchema);
    }

    private static JsonObject ColumnSchema(PublicColumn column)
    {
        var schema = column.Type switch
        {
            AttributeType.Integer => OpenApiSchemas.Type("integer"),
            AttributeType.Number => OpenApiSchemas.Type("number"),
            AttributeType.Boolean => OpenApiSchemas.Type("boolean"),
            AttributeType.Date => new JsonObject { ["type"] = "string", ["format"] = "date" },
            AttributeType.DateTime => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            _ => OpenApiSchemas.Type("string"),
        };
        if (column.Attribute?.AllowedValues is { } allowed)
        {
            schema["enum"] = new JsonArray(allowed.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        return schema;
    }

    private static JsonObject Changed() => new()
    {
        ["200"] = Content("The changed feature; ETag is its new version.", MediaTypes.GeoJson, OpenApiSchemas.Ref("featureGeoJSON"), html: false),
        ["412"] = RefResponse("Problem"),
        ["428"] = RefResponse("Problem"),
    };

    private static JsonObject Get(string id, string summary, string tag, string schema, JsonNode[] parameters, string type = MediaTypes.Json) => new()
    {
        ["get"] = Operation(id, summary, tag, new JsonArray(parameters), new JsonObject
        {
            ["200"] = Content(summary + ".", type, OpenApiSchemas.Ref(schema), html: true),
            ["400"] = RefResponse("Problem"),
            ["404"] = RefResponse("Problem"),
        }),
    };

    private static JsonObject Operation(string id, string summary, string tag, JsonArray parameters, JsonObject responses) => new()
    {
        ["operationId"] = id,
        ["summary"] = summary,
        ["tags"] = new JsonArray(tag),
        ["parameters"] = parameters,
        ["responses"] = responses,
    };

    private static JsonObject Write(string id, string summary, JsonNode[] parameters, string? bodyType, JsonObject success)
    {
        var responses = new JsonObject
        {
            ["400"] = RefResponse("Problem"),
            ["401"] = RefResponse("Problem"),
            ["403"] = RefResponse("Problem"),
            ["404"] = RefResponse("Problem"),
        };
        foreach (var (status, response) in success.ToList())
        {
            success.Remove(status);
            responses[status] = response;
        }

        var operation = new JsonObject
        {
            ["operationId"] = id,
            ["summary"] = summary,
            ["tags"] = new JsonArray("Transactions"),
            ["security"] = new JsonArray(new JsonObject { ["basicAuth"] = new JsonArray() }, new JsonObject { ["bearerAuth"] = new JsonArray() }),
            ["parameters"] = new JsonArray(parameters),
            ["responses"] = responses,
        };
        if (bodyType is not null)
        {
            responses["413"] = RefResponse("Problem");
            responses["415"] = RefResponse("Problem");
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { [bodyType] = new JsonObject { ["schema"] = OpenApiSchemas.Ref("featureGeoJSON") } },
            };
        }

        return operation;
    }

    private static JsonObject Options(string id) => new()
    {
        ["operationId"] = id,
        ["summary"] = "The methods you may use here (Allow)",
        ["tags"] = new JsonArray("Transactions"),
        ["responses"] = new JsonObject
        {
            ["204"] = new JsonObject { ["description"] = "The Allow header lists the methods." },
            ["404"] = RefResponse("Problem"),
        },
    };

    private static JsonObject Content(string description, string type, JsonObject schema, bool html)
    {
        var content = new JsonObject { [type] = new JsonObject { ["schema"] = schema } };
        if (html)
        {
            content[MediaTypes.Html] = new JsonObject { ["schema"] = OpenApiSchemas.Type("string") };
        }

        return new JsonObject { ["description"] = description, ["content"] = content };
    }

    private static JsonObject Parameter(string parameter) => new() { ["$ref"] = "#/components/parameters/" + parameter };

    private static JsonObject RefResponse(string response) => new() { ["$ref"] = "#/components/responses/" + response };

    private static JsonObject Responses() => new()
    {
        ["Problem"] = new JsonObject
        {
            ["description"] = "The request was refused (RFC 7807 problem details with an OGC API exception code).",
            ["content"] = new JsonObject
            {
                [MediaTypes.Problem] = new JsonObject { ["schema"] = OpenApiSchemas.Ref("exception") },
                [MediaTypes.Html] = new JsonObject { ["schema"] = OpenApiSchemas.Type("string") },
            },
        },
    };

    private static JsonObject Parameters(OgcApiOptions options) => new()
    {
        ["f"] = Query("f", "The encoding: json or html (default: by the Accept header).", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("json", "html") }),
        ["lang"] = Query("lang", "The language of titles and pages: vi (default) or en.", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("vi", "en"), ["default"] = "vi" }),
        ["limit"] = Query("limit", $"Features per page; more than {options.MaxLimit} is refused.", new JsonObject
        {
            ["type"] = "integer", ["minimum"] = 1, ["maximum"] = options.MaxLimit, ["default"] = options.DefaultLimit,
        }),
        ["offset"] = Query("offset", "Features to skip (the next link gives it).", new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["default"] = 0 }),
        ["bbox"] = new JsonObject
        {
            ["name"] = "bbox",
            ["in"] = "query",
            ["required"] = false,
            ["description"] = "Features meeting the box minx,miny,maxx,maxy in bbox-crs (CRS84 by default), in that CRS's axis order.",
            ["style"] = "form",
            ["explode"] = false,
            ["schema"] = new JsonObject { ["type"] = "array", ["minItems"] = 4, ["maxItems"] = 6, ["items"] = OpenApiSchemas.Type("number") },
        },
        ["bbox-crs"] = Query("bbox-crs", "The CRS of bbox.", CrsSchema()),
        ["crs"] = Query("crs", "The CRS of the returned coordinates (Content-Crs names it).", CrsSchema()),
        ["filter-crs"] = Query("filter-crs", "The CRS of geometry literals in filter.", CrsSchema()),
        ["datetime"] = Query("datetime", "Features whose validity period meets this instant or interval (start/end, '..' open), Việt Nam time when no zone is given.", OpenApiSchemas.Type("string")),
        ["filter"] = Query("filter", "A CQL2 filter (text or JSON, see filter-lang): basic CQL2, LIKE/BETWEEN/IN, CASEI/ACCENTI, S_* and T_* functions.", OpenApiSchemas.Type("string")),
        ["filter-lang"] = Query("filter-lang", "The language of filter.", new JsonObject
        {
            // cql-text: the pre-standard name GDAL 3.6 looks for (docs/ogcapi.md).
            ["type"] = "string", ["enum"] = new JsonArray("cql2-text", "cql2-json", "cql-text"), ["default"] = "cql2-text",
        }),
        ["featureId"] = new JsonObject
        {
            ["name"] = "featureId",
            ["in"] = "path",
            ["required"] = true,
            ["description"] = "The feature's id (the record id, or layer.id).",
            ["schema"] = OpenApiSchemas.Type("string"),
        },
        ["If-Match"] = new JsonObject
        {
            ["name"] = "If-Match",
            ["in"] = "header",
            ["required"] = true,
            ["description"] = "The ETag of the feature the change is based on; missing: 428, not current: 412.",
            ["schema"] = OpenApiSchemas.Type("string"),
        },
        ["Content-Crs"] = new JsonObject
        {
            ["name"] = "Content-Crs",
            ["in"] = "header",
            ["required"] = false,
            ["description"] = "The CRS of the body's coordinates, e.g. <http://www.opengis.net/def/crs/EPSG/0/9210> (CRS84 by default).",
            ["schema"] = OpenApiSchemas.Type("string"),
        },
    };

    private static JsonObject Query(string name, string description, JsonObject schema) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["required"] = false,
        ["description"] = description,
        ["style"] = "form",
        ["explode"] = false,
        ["schema"] = schema,
    };

    private static JsonObject CrsSchema() => new()
    {
        ["type"] = "string",
        ["format"] = "uri",
        ["enum"] = new JsonArray(OgcCrs.All.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        ["default"] = OgcCrs.Crs84,
    };
}
