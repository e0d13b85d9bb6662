using System.Collections.Concurrent;
using EnvGis.Core.Security;

namespace EnvGis.Data.Changes;

/// <summary>
/// Every layer's version counters as this node knows them from the change log, and the version of a
/// layer as a caller sees it (docs/tiles.md "Versions"): the public's changes only with changes of
/// public records, a unit's also with changes of its own records (and of the communes that bound its
/// area), the administrator's with every change. Versions are the same on every node.
/// </summary>
public sealed class LayerVersions
{
    /// <summary>The layer whose polygons bound the units' areas.</summary>
    public const string AreaLayer = SpatialScopes.CommuneLayer;

    private readonly ConcurrentDictionary<string, LayerSeqs> layers = new(StringComparer.Ordinal);

    public LayerSeqs Get(string layer) => layers.GetValueOrDefault(layer) ?? LayerSeqs.Empty;

    /// <summary>The last change of the layer this node has applied.</summary>
    public long Seq(string layer) => Get(layer).Seq;

    /// <summary>The applied sequence number of every known layer.</summary>
    public IReadOnlyDictionary<string, long> Applied() => layers.ToDictionary(l => l.Key, l => l.Value.Seq, StringComparer.Ordinal);

    public void Replace(IReadOnlyDictionary<string, LayerSeqs> state)
    {
        foreach (var (layer, seqs) in state)
        {
            layers.AddOrUpdate(layer, seqs, (_, known) => known.Seq >= seqs.Seq ? known : seqs);
        }
    }

    public void Apply(LayerChange change) =>
        layers.AddOrUpdate(change.Layer, _ => LayerSeqs.Empty.Apply(change), (_, known) => known.Apply(change));

    /// <summary>The version of <paramref name="layer"/> that <paramref name="scope"/> sees, as a short token.</summary>
    public string Token(string layer, ReadScope scope)
    {
        var seqs = Get(layer);
        if (scope.SeesUnpublished || scope.SeesRestricted)
        {
            return $"a{seqs.Seq}";
        }

        if (VisibilityKey.SeesAsPublic(scope))
        {
            return $"p{seqs.PublicSeq}";
        }

        var token = $"p{seqs.PublicSeq}u{seqs.Owners.GetValueOrDefault(scope.UnitCode!)}";
        return scope.Area is { WholeCity: false } ? token + $"c{Seq(AreaLayer)}" : token;
    }
}
