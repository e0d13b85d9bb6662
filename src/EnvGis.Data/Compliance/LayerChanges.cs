namespace EnvGis.Data.Compliance;

/// <summary>How many records of a layer a unit changed in a month, in changes that count.</summary>
public sealed record LayerChanges(string Layer, int Records);
