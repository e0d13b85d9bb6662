using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.OgcApi.Html;

/// <summary>Every text of the open-data pages, in Vietnamese first and English.</summary>
public static class HtmlStrings
{
    public static readonly LocalizedText Site = new("Dữ liệu mở môi trường Hải Phòng", "Hải Phòng open environmental data");
    public static readonly LocalizedText Intro = new(
        "Các lớp dữ liệu môi trường đã công bố của thành phố Hải Phòng, theo chuẩn OGC API – Features: xem, lọc và tải về.",
        "The published environmental data layers of Hải Phòng city, served by the OGC API – Features standard: browse, filter and download.");
    public static readonly LocalizedText Collections = new("Các lớp dữ liệu", "Data layers");
    public static readonly LocalizedText Conformance = new("Các chuẩn được đáp ứng", "Conformance classes");
    public static readonly LocalizedText ApiDefinition = new("Mô tả API (OpenAPI 3.0)", "API definition (OpenAPI 3.0)");
    public static readonly LocalizedText Items = new("Đối tượng", "Features");
    public static readonly LocalizedText Item = new("Đối tượng", "Feature");
    public static readonly LocalizedText Schema = new("Lược đồ thuộc tính (JSON Schema)", "Property schema (JSON Schema)");
    public static readonly LocalizedText Queryables = new("Các thuộc tính có thể lọc", "Queryable properties");
    public static readonly LocalizedText Licence = new("Điều kiện sử dụng", "Licence");
    public static readonly LocalizedText Citation = new("Trích dẫn", "Citation");
    public static readonly LocalizedText Attribution = new("Ghi công", "Attribution");
    public static readonly LocalizedText Extent = new("Phạm vi", "Extent");
    public static readonly LocalizedText NoFeatures = new("Không có đối tượng nào.", "No features.");
    public static readonly LocalizedText Next = new("Trang sau", "Next page");
    public static readonly LocalizedText Previous = new("Trang trước", "Previous page");
    public static readonly LocalizedText Matched = new("Số đối tượng", "Features matched");
    public static readonly LocalizedText Property = new("Thuộc tính", "Property");
    public static readonly LocalizedText Value = new("Giá trị", "Value");
    public static readonly LocalizedText Type = new("Kiểu", "Type");
    public static readonly LocalizedText Map = new("Bản đồ", "Map");
    public static readonly LocalizedText AsJson = new("Dạng JSON", "As JSON");
    public static readonly LocalizedText Home = new("Trang chủ", "Home");
    public static readonly LocalizedText OtherLanguage = new("English", "Tiếng Việt");
    public static readonly LocalizedText Error = new("Không thực hiện được yêu cầu", "The request could not be served");
    public static readonly LocalizedText Geometry = new("Hình học", "Geometry");
}
