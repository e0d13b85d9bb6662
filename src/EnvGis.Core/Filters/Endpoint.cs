namespace EnvGis.Core.Filters;

/// <summary>The ends of two temporal operands [A1, A2] and [B1, B2].</summary>
public enum Endpoint
{
    A1,
    A2,
    B1,
    B2,
}
