namespace EnvGis.Core.Styling;

/// <summary>A Fill or Stroke as read, before it is spread over a symbolizer's properties.</summary>
internal sealed record SldPaint(string Colour, double Opacity, double Width = 1, IReadOnlyList<double>? Dashes = null);
