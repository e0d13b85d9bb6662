using EnvGis.Core.Catalogue;
using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.OgcApi.Collections;

/// <summary>What a layer's collection document says: the layer, the extent of what the caller may see (lon/lat) and every link.</summary>
public sealed record CollectionDescription(LayerDefinition Layer, double[]? Extent, IReadOnlyList<OgcLink> Links);
