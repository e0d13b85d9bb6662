namespace EnvGis.Core.Catalogue;

/// <summary>Where a public column of a layer comes from.</summary>
public enum ColumnKind
{
    /// <summary>One of the layer's own attributes (the catalogue).</summary>
    Attribute,

    /// <summary>Record metadata every layer has and readers see (status, validity, source, citation).</summary>
    Metadata,
}
