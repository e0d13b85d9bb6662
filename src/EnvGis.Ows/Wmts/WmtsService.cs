using EnvGis.Core.Catalogue;
using EnvGis.Ows.Dispatch;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Wmts;

/// <summary>
/// The Web Map Tile Service 1.0.0 (docs/tiles.md "WMTS"): GetCapabilities and GetTile as KVP through
/// the OGC dispatcher (/wmts, /ows?SERVICE=WMTS), and REST (<see cref="WmtsEndpoints"/>).
/// </summary>
public sealed class WmtsService : IOwsService
{
    public const string ServiceName = "WMTS";
    public const string Version = "1.0.0";

    public static LocalizedText Title { get; } = new(
        "Bản đồ môi trường thành phố Hải Phòng (WMTS)", "Hải Phòng city environmental maps (WMTS)");

    public static LocalizedText Abstract { get; } = new(
        "Ô bản đồ đã dựng sẵn của các lớp dữ liệu môi trường, vẽ theo kiểu hiển thị của từng lớp, theo lưới Web Mercator và VN-2000 / TM-3 105°45′. Chỉ bao gồm bản ghi đã công bố.",
        "Pre-rendered map tiles of the environmental layers in each layer's style, on the Web Mercator and VN-2000 / TM-3 105°45′ grids. Published records only.");

    public WmtsService(WmtsCapabilitiesHandler capabilities, GetTileHandler getTile)
    {
        Operations = new Dictionary<string, OwsOperation>(StringComparer.OrdinalIgnoreCase)
        {
            ["GetCapabilities"] = new("GetCapabilities", capabilities.HandleAsync),
            ["GetTile"] = new("GetTile", getTile.HandleAsync),
        };
    }

    public string Name => ServiceName;

    public IReadOnlyList<string> Versions { get; } = [Version];

    public IReadOnlyDictionary<string, OwsOperation> Operations { get; }

    public Task WriteExceptionAsync(HttpContext context, OwsException exception, string? version) =>
        ExceptionReportWriter.WriteAsync(context.Response, exception, ExceptionReportWriter.Flavor.Ows11);
}
