using EnvGis.Core.Catalogue;
using EnvGis.Server.Hosting;

namespace EnvGis.Server.Api;

/// <summary>What the map portal needs to start: attribution, optional base map, initial view, citation rule.</summary>
public static class PortalApi
{
    public const string OsmAttribution = "© OpenStreetMap contributors";

    // Art. 3.5 of the regulation: users must cite the source of the data they use.
    private static readonly LocalizedText CitationRule = new(
        "Khi sử dụng thông tin, dữ liệu phải trích dẫn nguồn: Hệ thống thông tin môi trường thành phố Hải Phòng (Sở Nông nghiệp và Môi trường).",
        "When using this information or data, cite the source: Hải Phòng City Environmental Information System (Department of Agriculture and Environment).");

    public static void MapPortalApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/portal/config", (EnvGisSettings settings) => new PortalConfig(
            OsmAttribution,
            settings.BaseMapUrl is null ? null : new BaseMap(settings.BaseMapUrl, settings.BaseMapAttribution ?? ""),
            new InitialView([106.68, 20.86], 9),
            CitationRule)).WithTags("Portal");
}

public sealed record PortalConfig(string Attribution, BaseMap? BaseMap, InitialView InitialView, LocalizedText Citation);

public sealed record BaseMap(string Url, string Attribution);

public sealed record InitialView(IReadOnlyList<double> Center, int Zoom);
