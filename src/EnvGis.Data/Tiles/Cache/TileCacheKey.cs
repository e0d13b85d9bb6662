namespace EnvGis.Data.Tiles.Cache;

/// <summary>
/// What a cached tile depends on besides the data: the layer, the kind of tile (<see cref="Variant"/>:
/// "mvt", or a WMTS image with its style, matrix set and format), its position, and who may see what
/// (<see cref="Changes.VisibilityKey"/>; the public shares one entry). The data's version is the
/// entry's stamp: an entry lives until a later change touches it.
/// </summary>
public readonly record struct TileCacheKey(string Layer, string Variant, int Z, long X, long Y, string Visibility)
{
    public const string VectorVariant = "mvt";

    public bool IsPublic => Visibility == Changes.VisibilityKey.Public;
}
