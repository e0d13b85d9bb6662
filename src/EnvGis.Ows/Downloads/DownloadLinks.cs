using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Extensions;

namespace EnvGis.Ows.Downloads;

/// <summary>A collection's downloads as <c>enclosure</c> links with their media types (OGC API Features, docs/open-data.md).</summary>
public sealed class DownloadLinks : IOgcApiCollectionLinks
{
    public IEnumerable<OgcLink> Links(LayerDefinition layer, string collectionUrl, ReadScope scope, string language) =>
        DownloadFormats.All.Select(f => new OgcLink(collectionUrl + "/download/" + f.Id, "enclosure", f.MediaType,
            (language == "en" ? "Download: " : "Tải về: ") + f.Name));
}
