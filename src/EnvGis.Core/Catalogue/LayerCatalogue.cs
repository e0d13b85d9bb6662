namespace EnvGis.Core.Catalogue;

/// <summary>The categories and layers the system knows, loaded once from the database.</summary>
public sealed class LayerCatalogue
{
    private readonly Dictionary<string, LayerDefinition> byName;

    public LayerCatalogue(IEnumerable<Category> categories, IEnumerable<LayerDefinition> layers)
    {
        Categories = categories.OrderBy(c => c.Id).ToList();
        Layers = layers.OrderBy(l => l.Category).ThenBy(l => l.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        byName = Layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<Category> Categories { get; }

    /// <summary>All layers, ordered by category and then by their ordinal.</summary>
    public IReadOnlyList<LayerDefinition> Layers { get; }

    public LayerDefinition? Find(string name) => byName.GetValueOrDefault(name);
}
