using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// The fonts labels and legends are drawn with: Noto Sans regular, bold and italic, embedded in this
/// assembly (see Fonts/README.md for source and licence). SkiaSharp's dependency-free native build
/// sees no system fonts, so every family a style names resolves to Noto Sans; bold-italic is the
/// bold face slanted.
/// </summary>
public static class FontLibrary
{
    public const string Family = "Noto Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("NotoSans-Regular.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("NotoSans-Bold.ttf"));
    private static readonly Lazy<SKTypeface> ItalicFace = new(() => Load("NotoSans-Italic.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    public static SKTypeface Italic => ItalicFace.Value;

    /// <summary>A font for an SLD font-weight and font-style at <paramref name="size"/> pixels.</summary>
    public static SKFont Create(string? weight, string? style, float size)
    {
        var bold = string.Equals(weight, "bold", StringComparison.OrdinalIgnoreCase);
        var slanted = style is not null && (style.Equals("italic", StringComparison.OrdinalIgnoreCase)
            || style.Equals("oblique", StringComparison.OrdinalIgnoreCase));
        var face = bold ? Bold : slanted ? Italic : Regular;
        return new SKFont(face, size, 1f, bold && slanted ? -0.2f : 0f)
        {
            Edging = SKFontEdging.Antialias,
            Subpixel = true,
            Hinting = SKFontHinting.Slight,
        };
    }

    private static SKTypeface Load(string file)
    {
        var name = "EnvGis.Ows.Fonts." + file;
        using var stream = typeof(FontLibrary).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in EnvGis.Ows.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The font {name} could not be read.");
    }
}
