using System.Xml.Linq;

namespace EnvGis.Core.Styling;

/// <summary>Polygon, Line, Point and Text symbolizers; defaults are those of SLD 1.0.0.</summary>
internal sealed class SldSymbolizerReader(SldContext context)
{
    private static readonly string[] FillParameters = ["fill", "fill-opacity"];
    private static readonly string[] StrokeParameters = ["stroke", "stroke-width", "stroke-opacity", "stroke-dasharray"];
    private static readonly string[] MarkStrokeParameters = ["stroke", "stroke-width"];
    private static readonly string[] ColourOnly = ["fill"];
    private static readonly string[] FontWeights = ["normal", "bold"];
    private static readonly string[] FontStyles = ["normal", "italic", "oblique"];

    public static bool IsSymbolizer(XElement element) =>
        element.Name.LocalName.EndsWith("Symbolizer", StringComparison.Ordinal) && SldContext.Is(element, element.Name.LocalName);

    public Symbolizer? Read(XElement element) => element.Name.LocalName switch
    {
        "PolygonSymbolizer" => Polygon(element),
        "LineSymbolizer" => Line(element),
        "PointSymbolizer" => Point(element),
        "TextSymbolizer" => Text(element),
        _ => Ignored(element),
    };

    private PolygonSymbolizer? Polygon(XElement element)
    {
        SldPaint? fill = null;
        SldPaint? stroke = null;
        foreach (var child in element.Elements())
        {
            if (SldContext.Is(child, "Fill"))
            {
                fill = Paint(child, "#808080", FillParameters);
            }
            else if (SldContext.Is(child, "Stroke"))
            {
                stroke = Paint(child, "#000000", StrokeParameters);
            }
            else
            {
                IgnoredChild(child);
            }
        }
        if (fill is null && stroke is null)
        {
            context.Warn(element, "PolygonSymbolizer without Fill or Stroke draws nothing and is left out");
            return null;
        }
        return new PolygonSymbolizer(fill?.Colour, fill?.Opacity, stroke?.Colour, stroke?.Width, stroke?.Opacity, stroke?.Dashes);
    }

    private LineSymbolizer? Line(XElement element)
    {
        SldPaint? stroke = null;
        foreach (var child in element.Elements())
        {
            if (SldContext.Is(child, "Stroke"))
            {
                stroke = Paint(child, "#000000", StrokeParameters);
            }
            else
            {
                IgnoredChild(child);
            }
        }
        if (stroke is null)
        {
            context.Warn(element, "LineSymbolizer without Stroke draws nothing and is left out");
            return null;
        }
        return new LineSymbolizer(stroke.Colour, stroke.Width, stroke.Opacity, stroke.Dashes);
    }

    private PointSymbolizer Point(XElement element)
    {
        XElement? graphic = null;
        foreach (var child in element.Elements())
        {
            if (SldContext.Is(child, "Graphic") && graphic is null)
            {
                graphic = child;
            }
            else
            {
                IgnoredChild(child);
            }
        }
        // SLD 1.0.0 default graphic: a 6-pixel grey square with a black outline.
        var (mark, size, rotation) = ("square", 6.0, 0.0);
        SldPaint? fill = new("#808080", 1);
        SldPaint? stroke = new("#000000", 1);
        var seenMark = false;
        foreach (var child in graphic?.Elements() ?? [])
        {
            if (SldContext.Is(child, "Mark") && !seenMark)
            {
                seenMark = true;
                (mark, fill, stroke) = Mark(child);
            }
            else if (SldContext.Is(child, "Size") && SldValues.ConstantText(child, context) is { } sizeText)
            {
                size = SldValues.Number(sizeText, child, context) ?? size;
            }
            else if (SldContext.Is(child, "Rotation") && SldValues.ConstantText(child, context) is { } rotationText)
            {
                rotation = SldValues.Number(rotationText, child, context, min: -360, max: 360) ?? rotation;
            }
            else if (!SldContext.Is(child, "Size") && !SldContext.Is(child, "Rotation"))
            {
                context.Ignored(child, SldContext.Is(child, "ExternalGraphic") ? "a mark is drawn instead" : null);
            }
        }
        return new PointSymbolizer(mark, size, fill?.Colour, fill?.Opacity, stroke?.Colour, stroke?.Width, rotation);
    }

    private (string Mark, SldPaint? Fill, SldPaint? Stroke) Mark(XElement element)
    {
        // Inside a Mark, a missing Fill or Stroke leaves the mark hollow or unoutlined.
        var (mark, fill, stroke) = ("square", (SldPaint?)null, (SldPaint?)null);
        foreach (var child in element.Elements())
        {
            if (SldContext.Is(child, "WellKnownName"))
            {
                var name = child.Value.Trim().ToLowerInvariant();
                if (PointSymbolizer.Marks.Contains(name))
                {
                    mark = name;
                }
                else
                {
                    context.Warn(child, $"WellKnownName '{child.Value.Trim()}' is not one of {string.Join(", ", PointSymbolizer.Marks)}; a square is drawn");
                }
            }
            else if (SldContext.Is(child, "Fill"))
            {
                fill = Paint(child, "#808080", FillParameters);
            }
            else if (SldContext.Is(child, "Stroke"))
            {
                stroke = Paint(child, "#000000", MarkStrokeParameters);
            }
            else
            {
                context.Ignored(child);
            }
        }
        return (mark, fill, stroke);
    }

    private TextSymbolizer? Text(XElement element)
    {
        string? label = null;
        var (family, size, weight, style) = ("Noto Sans", 10.0, "normal", "normal");
        var (fill, placement) = ("#000000", TextSymbolizer.PointPlacement);
        SldPaint? halo = null;
        foreach (var child in element.Elements())
        {
            if (SldContext.Is(child, "Label"))
            {
                label = LabelProperty(child);
            }
            else if (SldContext.Is(child, "Font"))
            {
                (family, size, weight, style) = Font(child, (family, size, weight, style));
            }
            else if (SldContext.Is(child, "LabelPlacement"))
            {
                placement = Placement(child);
            }
            else if (SldContext.Is(child, "Halo"))
            {
                halo = Halo(child);
            }
            else if (SldContext.Is(child, "Fill"))
            {
                fill = Paint(child, "#000000", ColourOnly).Colour;
            }
            else
            {
                IgnoredChild(child);
            }
        }
        if (label is null)
        {
            context.Warn(element, "TextSymbolizer without a PropertyName Label draws nothing and is left out");
            return null;
        }
        return new TextSymbolizer(label, family, size, weight, style, fill, halo?.Colour, halo?.Width, placement);
    }

    private string? LabelProperty(XElement label)
    {
        var children = label.Elements().ToList();
        var hasText = label.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value));
        if (children.Count == 1 && !hasText && SldContext.IsOgc(children[0], "PropertyName") && !children[0].HasElements
            && children[0].Value.Trim() is { Length: > 0 } property)
        {
            return property;
        }
        context.Warn(label, "only a Label made of a single ogc:PropertyName is supported");
        return null;
    }

    private (string, double, string, string) Font(XElement font, (string Family, double Size, string Weight, string Style) value)
    {
        foreach (var child in font.Elements())
        {
            var (name, text) = Parameter(child);
            switch (name, text)
            {
                case (_, null):
                    break;
                case ("font-family", _):
                    value.Family = text;
                    break;
                case ("font-size", _):
                    value.Size = SldValues.Number(text, child, context, min: 1) ?? value.Size;
                    break;
                case ("font-weight", _):
                    value.Weight = OneOf(text, FontWeights, child) ?? value.Weight;
                    break;
                case ("font-style", _):
                    value.Style = OneOf(text, FontStyles, child) ?? value.Style;
                    break;
                default:
                    context.Warn(child, $"font parameter '{name}' is not supported, ignored");
                    break;
            }
        }
        return value;
    }

    private string Placement(XElement labelPlacement)
    {
        var placement = TextSymbolizer.PointPlacement;
        foreach (var child in labelPlacement.Elements())
        {
            if (SldContext.Is(child, "PointPlacement") || SldContext.Is(child, "LinePlacement"))
            {
                placement = SldContext.Is(child, "LinePlacement") ? TextSymbolizer.LinePlacement : TextSymbolizer.PointPlacement;
                foreach (var detail in child.Elements())
                {
                    context.Ignored(detail, "labels are centred on points and polygons and follow lines");
                }
            }
            else
            {
                context.Ignored(child);
            }
        }
        return placement;
    }

    private SldPaint Halo(XElement halo)
    {
        // SLD 1.0.0: a halo defaults to 1 pixel of white.
        var (colour, radius) = ("#ffffff", 1.0);
        foreach (var child in halo.Elements())
        {
            if (SldContext.Is(child, "Radius") && SldValues.ConstantText(child, context) is { } text)
            {
                radius = SldValues.Number(text, child, context) ?? radius;
            }
            else if (SldContext.Is(child, "Fill"))
            {
                colour = Paint(child, "#ffffff", ColourOnly).Colour;
            }
            else if (!SldContext.Is(child, "Radius"))
            {
                context.Ignored(child);
            }
        }
        return new SldPaint(colour, 1, radius);
    }

    /// <summary>A Fill or Stroke: its CssParameters (SvgParameters in SE) among <paramref name="supported"/>.</summary>
    private SldPaint Paint(XElement element, string defaultColour, string[] supported)
    {
        var paint = new SldPaint(defaultColour, 1);
        foreach (var child in element.Elements())
        {
            var (name, text) = Parameter(child);
            if (name is null || text is null)
            {
                continue;
            }
            if (!supported.Contains(name))
            {
                context.Warn(child, $"<{element.Name.LocalName}> parameter '{name}' is not supported here, ignored");
                continue;
            }
            paint = name switch
            {
                "fill" or "stroke" => paint with { Colour = SldValues.Colour(text, child, context) ?? paint.Colour },
                "fill-opacity" or "stroke-opacity" => paint with { Opacity = SldValues.Number(text, child, context, max: 1) ?? paint.Opacity },
                "stroke-width" => paint with { Width = SldValues.Number(text, child, context) ?? paint.Width },
                _ => paint with { Dashes = SldValues.DashArray(text, child, context) },
            };
        }
        return paint;
    }

    /// <summary>Name and constant value of a CssParameter/SvgParameter; (null, null) after a warning otherwise.</summary>
    private (string? Name, string? Value) Parameter(XElement element)
    {
        if (!SldContext.Is(element, "CssParameter") && !SldContext.Is(element, "SvgParameter"))
        {
            context.Ignored(element, element.Name.LocalName is "GraphicFill" or "GraphicStroke" ? "the plain colour is used" : null);
            return (null, null);
        }
        var name = ((string?)element.Attribute("name"))?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            context.Warn(element, $"<{element.Name.LocalName}> without a name, ignored");
            return (null, null);
        }
        return (name, SldValues.ConstantText(element, context));
    }

    private string? OneOf(string text, string[] allowed, XElement at)
    {
        var value = text.ToLowerInvariant();
        if (allowed.Contains(value))
        {
            return value;
        }
        context.Warn(at, $"'{text}' is not one of {string.Join(", ", allowed)}, ignored");
        return null;
    }

    private void IgnoredChild(XElement child) =>
        context.Ignored(child, SldContext.Is(child, "Geometry") ? "the layer's own geometry is drawn" : null);

    private Symbolizer? Ignored(XElement element)
    {
        context.Ignored(element);
        return null;
    }
}
