namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>A parsed Transaction: the version whose response is written, and its actions in order.</summary>
public sealed record TransactionRequest(string Version, IReadOnlyList<TransactionAction> Actions);
