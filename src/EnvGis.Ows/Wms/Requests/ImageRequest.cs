using SkiaSharp;

namespace EnvGis.Ows.Wms.Requests;

/// <summary>
/// The image part of a map request, read before everything else so that a later error can still be
/// answered as an image when EXCEPTIONS asks for INIMAGE or BLANK.
/// </summary>
public sealed record ImageRequest(int Width, int Height, ImageFormat Format, bool Transparent, SKColor Background, ExceptionFormat Exceptions)
{
    private const string ItemKey = "EnvGis.Wms.ImageRequest";

    /// <summary>The colour the map starts from: BGCOLOR, fully transparent when TRANSPARENT=TRUE and the format allows it.</summary>
    public SKColor Canvas => Transparent && Format.SupportsTransparency ? SKColors.Transparent : Background;

    public void Remember(Microsoft.AspNetCore.Http.HttpContext context) => context.Items[ItemKey] = this;

    public static ImageRequest? Recall(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) ? value as ImageRequest : null;
}
