namespace EnvGis.Data.Features;

/// <summary>One ORDER BY key: a catalogue column (or <c>id</c>) and its direction.</summary>
public sealed record FeatureSortKey(string Column, bool Descending);
