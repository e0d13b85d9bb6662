using System.Text;
using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.Downloads;

/// <summary>
/// The terms every download carries (docs/open-data.md "Licence, citation and commercial use"): the
/// layer's licence and the citation the regulation asks for (Art. 3.5), and — when the file holds data
/// that is not public, downloaded by an authorised account — the mark that it may not be used
/// commercially without permission (Art. 9.3).
/// </summary>
public sealed record DownloadTerms(LayerDefinition Layer, bool NonPublic)
{
    /// <summary>The value of the <see cref="UseHeader"/> response header for public and for non-public data.</summary>
    public const string PublicUse = "open-data";
    public const string NonCommercialUse = "not-for-commercial-use";

    /// <summary>A response header every download carries: <see cref="PublicUse"/> or <see cref="NonCommercialUse"/>.</summary>
    public const string UseHeader = "EnvGis-Data-Use";

    public static readonly LocalizedText NotForCommercialUse = new(
        "KHÔNG SỬ DỤNG VÀO MỤC ĐÍCH THƯƠNG MẠI: tệp này chứa dữ liệu chưa công bố hoặc hạn chế, được cấp cho tài khoản có thẩm quyền; không được dùng vào mục đích thương mại khi chưa được phép (Điều 9.3 của Quy chế).",
        "NOT FOR COMMERCIAL USE: this file holds unpublished or restricted data provided to an authorised account; it may not be used commercially without permission (Article 9.3 of the regulation).");

    public static readonly LocalizedText PublishedOnly = new(
        "Chỉ dữ liệu đã công bố là dữ liệu mở; dữ liệu chưa công bố không được sử dụng vào mục đích thương mại khi chưa được phép (Điều 9.3 của Quy chế).",
        "Only published data is open data; unpublished data may not be used commercially without permission (Article 9.3 of the regulation).");

    public string Use => NonPublic ? NonCommercialUse : PublicUse;

    /// <summary>The terms as one text in both languages (LICENCE.txt in archives, descriptions in single files).</summary>
    public string Text(string? metadataUrl = null)
    {
        var text = new StringBuilder();
        if (NonPublic)
        {
            text.AppendLine(NotForCommercialUse.Vi).AppendLine(NotForCommercialUse.En).AppendLine();
        }

        text.AppendLine(Layer.Title.Vi + " / " + Layer.Title.En).AppendLine();
        if (Layer.Licence is { } licence)
        {
            text.AppendLine("Giấy phép: " + licence.Vi).AppendLine("Licence: " + licence.En);
            if (Layer.LicenceUrl is { } url)
            {
                text.AppendLine(url);
            }

            text.AppendLine();
        }

        if (Layer.Citation is { } citation)
        {
            text.AppendLine("Trích dẫn: " + citation.Vi).AppendLine("Citation: " + citation.En).AppendLine();
        }

        if (Layer.Attribution is { } attribution)
        {
            text.AppendLine(attribution).AppendLine();
        }

        if (metadataUrl is not null)
        {
            text.AppendLine("Siêu dữ liệu / Metadata (ISO 19139): " + metadataUrl);
        }

        return text.ToString();
    }
}
