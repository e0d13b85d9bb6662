using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.Wfs.Capabilities;

/// <summary>What the capabilities say about the service and its provider, in Vietnamese and English.</summary>
public static class ServiceDescription
{
    public static LocalizedText Title { get; } = new(
        "Dịch vụ dữ liệu không gian môi trường thành phố Hải Phòng (WFS)",
        "Hải Phòng city environmental spatial data service (WFS)");

    public static LocalizedText Abstract { get; } = new(
        "Các lớp dữ liệu môi trường theo Điều 5 (quan trắc, bảo tồn, nguồn thải, khu vực ô nhiễm, khu công nghiệp, lưu vực sông, đơn vị hành chính…) của hệ thống thông tin môi trường EnvGis. Chỉ bao gồm bản ghi đã công bố.",
        "Environmental layers by Article 5 category (monitoring, conservation, waste sources, polluted zones, industrial parks, river basins, administrative units…) of the EnvGis environmental information system. Published records only.");

    public static LocalizedText Provider { get; } = new(
        "Sở Nông nghiệp và Môi trường thành phố Hải Phòng",
        "Hải Phòng Department of Agriculture and Environment");

    public static IReadOnlyList<string> Keywords { get; } = ["WFS", "môi trường", "environment", "Hải Phòng", "Việt Nam"];

    /// <summary>The language asked for with LANGUAGE / ACCEPTLANGUAGES (vi by default).</summary>
    public static string Language(string? requested) =>
        requested is not null && requested.Split(',').Any(l => l.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase)) ? "en" : "vi";

    public static string Other(string language) => language == "en" ? "vi" : "en";
}
