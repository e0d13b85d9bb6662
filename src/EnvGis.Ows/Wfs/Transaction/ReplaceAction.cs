namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>Replace (WFS 2.0): every feature the filter selects takes the given feature's properties and geometry.</summary>
public sealed record ReplaceAction(string? Handle, string Locator, FeatureInput Feature, FeatureSelection Selection)
    : TransactionAction(Handle, Locator);
