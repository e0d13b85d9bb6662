namespace EnvGis.Core.Styling;

/// <summary>Something an SLD says that the style model cannot carry, so renderers will not show it.</summary>
public sealed record StyleWarning(string Layer, int Line, string Message)
{
    public override string ToString() => $"{Layer}.sld line {Line}: {Message}";
}
