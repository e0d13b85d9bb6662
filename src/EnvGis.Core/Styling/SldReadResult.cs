namespace EnvGis.Core.Styling;

/// <summary>A style read from SLD, with what the reader had to leave out.</summary>
public sealed record SldReadResult(LayerStyle Style, IReadOnlyList<StyleWarning> Warnings);
