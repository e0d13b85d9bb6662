using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>Delete: every feature of one type the filter selects is archived (a soft delete, restorable).</summary>
public sealed record DeleteAction(string? Handle, string Locator, LayerDefinition Layer, FeatureSelection Selection)
    : TransactionAction(Handle, Locator);
