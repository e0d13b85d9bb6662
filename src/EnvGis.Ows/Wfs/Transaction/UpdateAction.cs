using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>Update: the given properties of every feature of one type the filter selects.</summary>
public sealed record UpdateAction(string? Handle, string Locator, LayerDefinition Layer, FeatureValues Values, FeatureSelection Selection)
    : TransactionAction(Handle, Locator);
