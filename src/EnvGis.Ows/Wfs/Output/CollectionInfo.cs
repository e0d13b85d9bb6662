using EnvGis.Ows.Features;

namespace EnvGis.Ows.Wfs.Output;

/// <summary>What a feature collection says about itself before its members.</summary>
public sealed record CollectionInfo(
    long Matched,
    long Returned,
    string? Next,
    string? Previous,
    IReadOnlyList<FeatureType> Types,
    string ServiceUrl,
    string Version,
    bool Single,
    int? Srid)
{
    public string TimeStamp { get; } = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
