namespace EnvGis.Core.Filters;

/// <summary>A property as the request named it; the SQL generator resolves it against the layer's public columns.</summary>
public sealed record PropertyReference(string Name) : Expression;
