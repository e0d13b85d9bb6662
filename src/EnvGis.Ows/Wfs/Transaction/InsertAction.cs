namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>Insert: new features, each becoming a record of the caller's unit.</summary>
public sealed record InsertAction(string? Handle, string Locator, IReadOnlyList<FeatureInput> Features) : TransactionAction(Handle, Locator);
