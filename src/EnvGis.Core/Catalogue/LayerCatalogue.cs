namespace EnvGis.Core.Catalogue;

/// <summary>The categories and layers the system knows, as loaded from the database (docs/catalogue.md).</summary>
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

    /// <summary>The catalogue's version in the database (catalogue.version): every run-time change moves it on.</summary>
    public long Version { get; init; }

    /// <summary>All layers, ordered by category and then by their ordinal.</summary>
    public IReadOnlyList<LayerDefinition> Layers { get; }

    public LayerDefinition? Find(string name) => byName.GetValueOrDefault(name);
}
