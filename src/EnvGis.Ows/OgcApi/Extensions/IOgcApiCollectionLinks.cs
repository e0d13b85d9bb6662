using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.OgcApi.Extensions;

/// <summary>
/// Extra links of a layer's collection document, in one place: downloads add their <c>enclosure</c>
/// links (with media types), ISO metadata its <c>describedby</c> link. Every registered implementation
/// is asked for every collection, in JSON and HTML alike.
/// </summary>
public interface IOgcApiCollectionLinks
{
    /// <param name="collectionUrl">The public URL of /ogcapi/collections/{layer} (no query).</param>
    IEnumerable<OgcLink> Links(LayerDefinition layer, string collectionUrl, ReadScope scope, string language);
}
