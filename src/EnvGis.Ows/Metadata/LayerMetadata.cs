using EnvGis.Core.Catalogue;
using EnvGis.Data.OpenData;

namespace EnvGis.Ows.Metadata;

/// <summary>
/// Everything one layer's metadata record says (docs/open-data.md "Metadata"): the catalogue entry,
/// its Article 5 category, the facts of the data the reader may see, and the public URLs of the
/// services and downloads that serve it.
/// </summary>
public sealed record LayerMetadata(LayerDefinition Layer, Category? Category, LayerFacts Facts, string BaseUrl)
{
    /// <summary>Layers of automatic continuous monitoring are updated continuously (Art. 6.1), everything else monthly (Art. 6.2).</summary>
    public const string ContinuousLayer = "monitoring_stations";

    public string Identifier => MetadataIdentifiers.Of(Layer.Name);

    public string CollectionUrl => $"{BaseUrl}/ogcapi/collections/{Layer.Name}";

    public string MetadataUrl => CollectionUrl + "/metadata";

    /// <summary>The ISO 19115 maintenance frequency code: continual or monthly.</summary>
    public string UpdateFrequency => Layer.Name == ContinuousLayer ? "continual" : "monthly";

    /// <summary>When the metadata changed: the data's last update, else the catalogue's.</summary>
    public DateTimeOffset Stamp => Facts.LastUpdate ?? DateTimeOffset.UnixEpoch;
}
