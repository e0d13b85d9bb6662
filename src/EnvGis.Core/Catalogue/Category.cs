namespace EnvGis.Core.Catalogue;

/// <summary>One of the 11 data categories of Article 5 of the regulation.</summary>
public sealed record Category(int Id, LocalizedText Title);
