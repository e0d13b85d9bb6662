namespace EnvGis.Data.Changes;

/// <summary>The version counters of one layer (tiles.layer_state and tiles.owner_state).</summary>
public sealed record LayerSeqs(long Seq, long PublicSeq, IReadOnlyDictionary<string, long> Owners)
{
    public static LayerSeqs Empty { get; } = new(0, 0, new Dictionary<string, long>(StringComparer.Ordinal));

    /// <summary>The counters after <paramref name="change"/> (ignored when already applied).</summary>
    public LayerSeqs Apply(LayerChange change)
    {
        if (change.Seq <= Seq)
        {
            return this;
        }

        var owners = Owners;
        if (change.Owners.Count > 0)
        {
            var copy = new Dictionary<string, long>(Owners, StringComparer.Ordinal);
            foreach (var owner in change.Owners)
            {
                copy[owner] = change.Seq;
            }

            owners = copy;
        }

        return new LayerSeqs(change.Seq, change.Public ? change.Seq : PublicSeq, owners);
    }
}
