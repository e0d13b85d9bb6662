namespace EnvGis.Core.Filters;

/// <summary>Feature ids of the form &lt;layer&gt;.&lt;id&gt; (FES ResourceId / FeatureId / GmlObjectId).</summary>
public sealed record ResourceIdNode(IReadOnlyList<string> Ids) : FilterNode
{
    public bool Equals(ResourceIdNode? other) => other is not null && Ids.SequenceEqual(other.Ids);

    public override int GetHashCode() => Ids.Count;
}
