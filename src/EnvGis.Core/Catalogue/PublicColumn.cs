namespace EnvGis.Core.Catalogue;

/// <summary>A column of a layer that every reader may see: its name (= SQL column), type and whether every record has a value.</summary>
public sealed record PublicColumn(string Name, AttributeType Type, bool Required, ColumnKind Kind)
{
    /// <summary>The catalogue attribute behind the column, for its labels and allowed values; null for metadata.</summary>
    public AttributeDefinition? Attribute { get; init; }
}
