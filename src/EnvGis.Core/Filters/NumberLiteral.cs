namespace EnvGis.Core.Filters;

/// <summary>A numeric literal (finite); compares with integer and number properties.</summary>
public sealed record NumberLiteral(double Value) : Expression;
