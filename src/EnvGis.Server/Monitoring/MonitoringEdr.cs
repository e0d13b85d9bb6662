using System.Text.Json.Nodes;
using EnvGis.Data.Monitoring;
using EnvGis.Ows.Dispatch;

namespace EnvGis.Server.Monitoring;

/// <summary>
/// What the OGC API root (<c>/ogcapi</c>, built elsewhere) needs to list the monitoring collection: its
/// collection description and the EDR conformance classes it meets (docs/monitoring.md "OGC API – EDR").
/// The routes themselves are <see cref="MonitoringEdrApi"/>.
/// </summary>
public static class MonitoringEdr
{
    public const string CollectionId = "monitoring";
    public const string CoverageJsonType = "application/prs.coverage+json";
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    /// <summary>The conformance classes of OGC API – EDR 1.0 this collection implements.</summary>
    public static IReadOnlyList<string> ConformanceClasses { get; } =
    [
        "http://www.opengis.net/spec/ogcapi-edr-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-edr-1/1.0/conf/collections",
        "http://www.opengis.net/spec/ogcapi-edr-1/1.0/conf/json",
        "http://www.opengis.net/spec/ogcapi-edr-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-edr-1/1.0/conf/covjson",
        "http://www.opengis.net/spec/ogcapi-edr-1/1.0/conf/queries",
    ];

    /// <summary>The collection's path under the OGC API root.</summary>
    public static string Path => "/ogcapi/collections/" + CollectionId;

    /// <summary>The collection description (for <c>/ogcapi/collections</c> and <c>/ogcapi/collections/monitoring</c>), with absolute links from <see cref="ServiceUrl"/>.</summary>
    public static async Task<JsonObject> CollectionAsync(HttpContext context)
    {
        var catalogue = await context.RequestServices.GetRequiredService<MonitoringCatalogueStore>().LoadAsync(context.RequestAborted);
        return Collection(ServiceUrl.Base(context.Request), catalogue.Parameters);
    }

    public static JsonObject Collection(string baseUrl, IReadOnlyList<Parameter> parameters)
    {
        var self = baseUrl + Path;
        var parameterNames = new JsonObject();
        foreach (var p in parameters)
        {
            parameterNames[p.Code] = ParameterJson(p);
        }

        return new JsonObject
        {
            ["id"] = CollectionId,
            ["title"] = "Quan trắc môi trường tự động, liên tục / Continuous environmental monitoring",
            ["description"] = "Số liệu quan trắc tự động (tạm thời, chưa kiểm định) của các trạm quan trắc mà người dùng được xem. "
                              + "Provisional, not validated readings of the automatic monitoring stations the caller may see.",
            ["keywords"] = new JsonArray("quan trắc", "monitoring", "VN_AQI", "air quality", "water quality"),
            ["links"] = new JsonArray(
                Link(self, "self", "application/json", "This collection"),
                Link(self + "/locations", "data", "application/geo+json", "Monitoring stations (locations)")),
            ["extent"] = new JsonObject
            {
                ["spatial"] = new JsonObject { ["bbox"] = new JsonArray(new JsonArray(106.12, 20.10, 107.75, 21.24)), ["crs"] = Crs84 },
                ["temporal"] = new JsonObject
                {
                    ["interval"] = new JsonArray(new JsonArray(null, null)),
                    ["trs"] = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
                },
            },
            ["data_queries"] = new JsonObject
            {
                ["locations"] = new JsonObject
                {
                    ["link"] = new JsonObject
                    {
                        ["href"] = self + "/locations",
                        ["rel"] = "data",
                        ["variables"] = new JsonObject
                        {
                            ["title"] = "Location query",
                            ["query_type"] = "locations",
                            ["output_formats"] = new JsonArray("CoverageJSON", "CSV"),
                            ["default_output_format"] = "CoverageJSON",
                            ["crs_details"] = new JsonArray(new JsonObject { ["crs"] = "CRS84", ["wkt"] = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AXIS[\"Longitude\",EAST],AXIS[\"Latitude\",NORTH]]" }),
                        },
                    },
                },
            },
            ["crs"] = new JsonArray(Crs84),
            ["output_formats"] = new JsonArray("CoverageJSON", "CSV"),
            ["parameter_names"] = parameterNames,
        };
    }

    /// <summary>A CoverageJSON / EDR parameter: description and label in Vietnamese and English, the canonical unit.</summary>
    public static JsonObject ParameterJson(Parameter p) => new()
    {
        ["type"] = "Parameter",
        ["id"] = p.Code,
        ["description"] = new JsonObject { ["vi"] = p.NameVi, ["en"] = p.NameEn },
        ["unit"] = new JsonObject { ["symbol"] = p.Unit },
        ["observedProperty"] = new JsonObject { ["id"] = p.Code, ["label"] = new JsonObject { ["vi"] = p.NameVi, ["en"] = p.NameEn } },
    };

    public static JsonObject Link(string href, string rel, string type, string title) =>
        new() { ["href"] = href, ["rel"] = rel, ["type"] = type, ["title"] = title };
}
