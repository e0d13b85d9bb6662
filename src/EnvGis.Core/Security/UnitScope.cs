namespace EnvGis.Core.Security;

/// <summary>
/// What the administrator grants a unit (Art. 10): the layers it may edit and where. A null
/// <see cref="Area"/> means nowhere (an enterprise without a commune and without a set scope).
/// </summary>
public sealed record UnitScope(IReadOnlySet<string> Layers, SpatialScope? Area)
{
    public static UnitScope None { get; } = new(new HashSet<string>(StringComparer.Ordinal), null);
}
