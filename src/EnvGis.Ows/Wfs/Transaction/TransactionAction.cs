namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>One action of a WFS Transaction, in document order; <see cref="Handle"/> names it in errors and results.</summary>
public abstract record TransactionAction(string? Handle, string Locator);
