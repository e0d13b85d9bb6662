namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>What a transaction did: inserted feature ids in insert order (with their action), and the other counts.</summary>
public sealed class TransactionResult
{
    public List<(InsertAction Action, string FeatureId)> Inserted { get; } = [];

    public List<(string FeatureId, int Version)> Updated { get; } = [];

    public List<(string FeatureId, int Version)> Replaced { get; } = [];

    public int Deleted { get; set; }
}
