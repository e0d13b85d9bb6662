namespace EnvGis.Data.OpenData;

/// <summary>
/// What the data of a layer says about itself to a reader (ISO metadata, CSW, downloads): how many
/// records the reader may see, their extent (lon/lat), when they last changed, which units own them and
/// which sources they name.
/// </summary>
public sealed record LayerFacts(
    long Count,
    double[]? Extent,
    DateTimeOffset? LastUpdate,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<OwnerUnit> Owners,
    IReadOnlyList<string> Sources);

/// <summary>A unit that owns records of a layer, with its names.</summary>
public sealed record OwnerUnit(string Code, string NameVi, string NameEn);
