using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Ows.Downloads;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Extensions;

namespace EnvGis.Ows.Metadata;

/// <summary>
/// A collection's ISO 19139 record as a <c>describedby</c> link. Its media type is the ISO one, not
/// application/xml: GDAL 3.6's OAPIF driver takes an XML describedby link for a schema of the features.
/// </summary>
public sealed class MetadataLinks : IOgcApiCollectionLinks
{
    public IEnumerable<OgcLink> Links(LayerDefinition layer, string collectionUrl, ReadScope scope, string language) =>
        [new OgcLink(collectionUrl + "/metadata", "describedby", DownloadFormats.IsoMediaType, language == "en" ? "Metadata (ISO 19139)" : "Siêu dữ liệu (ISO 19139)")];
}
