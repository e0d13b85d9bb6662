using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>A feature given in full (Insert, Replace): its layer and values.</summary>
public sealed record FeatureInput(LayerDefinition Layer, FeatureValues Values);
