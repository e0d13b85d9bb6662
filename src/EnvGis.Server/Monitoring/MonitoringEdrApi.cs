using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EnvGis.Data.Monitoring;
using EnvGis.Ows.Dispatch;
using EnvGis.Server.Security;

namespace EnvGis.Server.Monitoring;

/// <summary>
/// OGC API – EDR for the monitoring data (docs/monitoring.md "OGC API – EDR"): the collection, its
/// locations (the stations the caller may see, as GeoJSON) and a location's readings as CoverageJSON
/// (a PointSeries, calibrating and fault readings left out) or CSV. Visibility follows the station records.
/// Errors use EDR's exception form <c>{code, description}</c>.
/// </summary>
public static class MonitoringEdrApi
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public static void MapMonitoringEdr(this IEndpointRouteBuilder app)
    {
        var edr = app.MapGroup(MonitoringEdr.Path).WithTags("OGC API – EDR").ExcludeFromDescription();
        edr.MapGet("", CollectionAsync);
        edr.MapGet("/locations", LocationsAsync);
        edr.MapGet("/locations/{code}", LocationAsync);
    }

    private static async Task<IResult> CollectionAsync(HttpContext context, CancellationToken ct) =>
        Json(context, await MonitoringEdr.CollectionAsync(context), "application/json");

    private static async Task<IResult> LocationsAsync(HttpContext context, MonitoringStationStore stations)
    {
        var scope = context.GetReadScope();
        var list = MonitoringApi.LayerOpen(context, scope) ? await stations.ListAsync(scope, context.RequestAborted) : [];
        var baseUrl = ServiceUrl.Base(context.Request) + MonitoringEdr.Path;
        var features = new JsonArray();
        foreach (var s in list)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = s.Code,
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(s.Longitude, s.Latitude) },
                ["properties"] = new JsonObject
                {
                    ["name"] = s.Name,
                    ["station_type"] = s.StationType,
                    ["automatic"] = s.Automatic,
                    ["datetime"] = s.MeasuredAt is { } last ? $"../{last:yyyy-MM-ddTHH:mm:ssZ}" : null,
                    ["detail"] = $"{baseUrl}/locations/{Uri.EscapeDataString(s.Code)}",
                },
            });
        }

        return Json(context, new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = features,
            ["links"] = new JsonArray(MonitoringEdr.Link(baseUrl + "/locations", "self", "application/geo+json", "Locations")),
        }, "application/geo+json");
    }

    private static async Task<IResult> LocationAsync(string code, HttpContext context, MonitoringCatalogueStore catalogues, ObservationQueries queries,
        TimeProvider clock)
    {
        var query = context.Request.Query;
        var format = (query["f"].ToString() is { Length: > 0 } f ? f : "CoverageJSON").ToLowerInvariant();
        if (format is not ("coveragejson" or "covjson" or "csv"))
        {
            return Error(StatusCodes.Status400BadRequest, "InvalidParameterValue", "f must be CoverageJSON or CSV.");
        }

        if (!TryDatetime(query["datetime"].ToString(), clock.GetUtcNow().UtcDateTime, out var from, out var to, out var timeError))
        {
            return Error(StatusCodes.Status400BadRequest, "InvalidParameterValue", timeError!);
        }

        if (await MonitoringApi.VisibleStationAsync(context, code) is not { } station)
        {
            return Error(StatusCodes.Status404NotFound, "NotFound", $"There is no location '{code}' in this collection that you may see.");
        }

        var ct = context.RequestAborted;
        var catalogue = await catalogues.LoadAsync(ct);
        var available = await queries.ParametersAsync(station.Id, ct);
        var names = query["parameter-name"].ToString();
        var parameters = new List<Parameter>();
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (catalogue.FindByCode(name) is not { } p)
            {
                return Error(StatusCodes.Status400BadRequest, "InvalidParameterValue", $"Unknown parameter-name '{name}'.");
            }

            parameters.Add(p);
        }

        if (parameters.Count == 0)
        {
            parameters.AddRange(available.Select(id => catalogue.ById[id]));
        }

        var series = new List<(Parameter Parameter, Dictionary<DateTime, double?> Values)>();
        foreach (var p in parameters)
        {
            var points = await queries.SeriesAsync(station.Id, p.Id, SeriesInterval.Raw, from, to, ct);
            series.Add((p, points.ToDictionary(v => v.Time, v => v.Status == "measuring" ? v.Value : null)));
        }

        var times = series.SelectMany(s => s.Values.Keys).Distinct().Order().ToList();
        context.Response.Headers.CacheControl = "private, no-store";
        return format == "csv" ? Csv(station, series, times) : Coverage(context, station, series, times);
    }

    private static IResult Coverage(HttpContext context, StationSummary station, List<(Parameter Parameter, Dictionary<DateTime, double?> Values)> series,
        List<DateTime> times)
    {
        var parameters = new JsonObject();
        var ranges = new JsonObject();
        foreach (var (p, values) in series)
        {
            parameters[p.Code] = MonitoringEdr.ParameterJson(p);
            ranges[p.Code] = new JsonObject
            {
                ["type"] = "NdArray",
                ["dataType"] = "float",
                ["axisNames"] = new JsonArray("t"),
                ["shape"] = new JsonArray(times.Count),
                ["values"] = new JsonArray(times.Select(t => (JsonNode?)(values.TryGetValue(t, out var v) && v is { } x ? JsonValue.Create(x) : null)).ToArray()),
            };
        }

        var coverage = new JsonObject
        {
            ["type"] = "Coverage",
            ["domain"] = new JsonObject
            {
                ["type"] = "Domain",
                ["domainType"] = "PointSeries",
                ["axes"] = new JsonObject
                {
                    ["x"] = new JsonObject { ["values"] = new JsonArray(station.Longitude) },
                    ["y"] = new JsonObject { ["values"] = new JsonArray(station.Latitude) },
                    ["t"] = new JsonObject { ["values"] = new JsonArray(times.Select(t => (JsonNode?)JsonValue.Create(t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))).ToArray()) },
                },
                ["referencing"] = new JsonArray(
                    new JsonObject
                    {
                        ["coordinates"] = new JsonArray("x", "y"),
                        ["system"] = new JsonObject { ["type"] = "GeographicCRS", ["id"] = MonitoringEdr.Crs84 },
                    },
                    new JsonObject
                    {
                        ["coordinates"] = new JsonArray("t"),
                        ["system"] = new JsonObject { ["type"] = "TemporalRS", ["calendar"] = "Gregorian" },
                    }),
            },
            ["parameters"] = parameters,
            ["ranges"] = ranges,
        };
        return Json(context, coverage, MonitoringEdr.CoverageJsonType);
    }

    private static IResult Csv(StationSummary station, List<(Parameter Parameter, Dictionary<DateTime, double?> Values)> series, List<DateTime> times)
    {
        var csv = new StringBuilder("location,longitude,latitude,datetime,parameter,unit,value\r\n");
        foreach (var t in times)
        {
            foreach (var (p, values) in series)
            {
                if (values.TryGetValue(t, out var v))
                {
                    csv.Append(string.Join(',', MonitoringCsv.Cell(station.Code), MonitoringCsv.Cell(station.Longitude), MonitoringCsv.Cell(station.Latitude),
                        t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), MonitoringCsv.Cell(p.Code), MonitoringCsv.Cell(p.Unit),
                        MonitoringCsv.Cell(v))).Append("\r\n");
                }
            }
        }

        return MonitoringCsv.File($"{station.Code}.csv", csv);
    }

    /// <summary>EDR's datetime: an instant, or an interval a/b with either end open (..); default the last 24 hours; at most 31 days.</summary>
    public static bool TryDatetime(string text, DateTime now, out DateTime from, out DateTime to, out string? error)
    {
        (from, to, error) = (now.AddDays(-1), now.AddMinutes(1), null);
        if (text.Length == 0)
        {
            return true;
        }

        var parts = text.Split('/');
        DateTime? Parse(string part) => part is ".." or ""
            ? null
            : DateTimeOffset.TryParse(part, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && t.Year is > 1900 and < 2200
                ? t.UtcDateTime : DateTime.MinValue;
        if (parts.Length > 2 || parts.Select(Parse).Any(t => t == DateTime.MinValue) || (parts.Length == 1 && parts[0] == ".."))
        {
            error = "datetime must be an RFC 3339 instant or an interval start/end ('..' for an open end).";
            return false;
        }

        var start = Parse(parts[0]);
        var end = parts.Length == 2 ? Parse(parts[1]) : start;
        if (parts.Length == 1)
        {
            (from, to) = (start!.Value, start.Value.AddTicks(1));
            return true;
        }

        (from, to) = (start ?? (end ?? now).Subtract(MaxRange), end?.AddTicks(1) ?? (start!.Value.Add(MaxRange) < now ? start.Value.Add(MaxRange) : now.AddMinutes(1)));
        if (from >= to || to - from > MaxRange + TimeSpan.FromTicks(1))
        {
            error = $"The datetime interval must run forwards and span at most {MaxRange.TotalDays:0} days.";
            return false;
        }

        return true;
    }

    private static IResult Error(int status, string code, string description) =>
        Results.Json(new { code, description }, statusCode: status);

    private static IResult Json(HttpContext context, JsonNode node, string contentType)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(node.ToJsonString(), contentType, Encoding.UTF8);
    }
}
