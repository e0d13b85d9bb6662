using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.Wms.Capabilities;

/// <summary>What WMS capabilities say about the service, in Vietnamese and English.</summary>
public static class WmsServiceDescription
{
    public static LocalizedText Title { get; } = new(
        "Bản đồ môi trường thành phố Hải Phòng (WMS)",
        "Hải Phòng city environmental maps (WMS)");

    public static LocalizedText Abstract { get; } = new(
        "Bản đồ các lớp dữ liệu môi trường theo Điều 5 (quan trắc, bảo tồn, nguồn thải, khu vực ô nhiễm, khu công nghiệp, lưu vực sông, đơn vị hành chính…) của hệ thống thông tin môi trường EnvGis, vẽ theo kiểu hiển thị của từng lớp. Chỉ bao gồm bản ghi đã công bố.",
        "Maps of the environmental layers by Article 5 category (monitoring, conservation, waste sources, polluted zones, industrial parks, river basins, administrative units…) of the EnvGis environmental information system, drawn in each layer's style. Published records only.");

    public static LocalizedText RootTitle { get; } = new("Hệ thống thông tin môi trường Hải Phòng", "Hải Phòng environmental information system");

    public static LocalizedText Provider { get; } = new(
        "Sở Nông nghiệp và Môi trường thành phố Hải Phòng",
        "Hải Phòng Department of Agriculture and Environment");

    public static IReadOnlyList<string> Keywords { get; } = ["WMS", "môi trường", "environment", "Hải Phòng", "Việt Nam"];

    public const string OpenStreetMapCopyright = "https://www.openstreetmap.org/copyright";

    /// <summary>The language asked for with LANGUAGE (vi by default).</summary>
    public static string Language(string? requested) =>
        requested is not null && requested.Split(',').Any(l => l.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase)) ? "en" : "vi";

    public static string Other(string language) => language == "en" ? "vi" : "en";

    /// <summary>A text in <paramref name="language"/> followed by the other language (title fields carry both).</summary>
    public static string Both(LocalizedText text, string language) =>
        text.Vi == text.En ? text.Vi : $"{text.In(language)} / {text.In(Other(language))}";
}
