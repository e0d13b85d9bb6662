namespace EnvGis.Ows.Rendering;

/// <summary>How a rendered image is written.</summary>
public enum ImageEncoding
{
    /// <summary>PNG, 8 bits per channel RGBA.</summary>
    Png32,

    /// <summary>PNG with a palette of at most 256 colours (and their alpha).</summary>
    Png8,

    /// <summary>JPEG (no transparency).</summary>
    Jpeg,
}
