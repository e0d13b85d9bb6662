using System.Globalization;
using System.Text;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Core.Styling;

namespace EnvGis.Benchmarks;

/// <summary>
/// Writes a MapServer 8 mapfile equivalent to the EnvGis layer styles, over the same PostGIS tables
/// and with the same visibility rule (published, not restricted), so both servers draw the same maps:
/// each SLD rule with a filter or a symbol becomes a CLASS (MapServer takes the first class that
/// matches; the styles' rules are mutually exclusive by design), the label rule becomes a LABEL in
/// every class of its layer, well-known marks become vector SYMBOLs, dashes PATTERNs, opacities
/// colour alpha. Connections are kept open between requests (CLOSE_CONNECTION=DEFER).
/// </summary>
public static class WmsMapfile
{
    /// <summary>Points per pixel of a MapServer label SIZE (72/96), measured against its output.</summary>
    public const double LabelPoints = 0.75;

    public static string Write(IReadOnlyList<(LayerDefinition Layer, LayerStyle Style)> layers,
        string libpqConnection, string fontsetPath, string onlineResource)
    {
        var map = new StringBuilder();
        map.AppendLine("MAP");
        map.AppendLine("  NAME \"envgis\"");
        map.AppendLine("  EXTENT 105.5 19.5 108.5 22");
        map.AppendLine("  SIZE 256 256");
        map.AppendLine("  MAXSIZE 4096");
        map.AppendLine("  UNITS DD");
        // The OGC pixel of 0.28 mm, so scale denominators (and scale-dependent rules) match EnvGis's;
        // sizes in the mapfile are meant at that resolution too, so nothing is scaled.
        map.AppendLine("  RESOLUTION 90.714");
        map.AppendLine("  DEFRESOLUTION 90.714");
        map.AppendLine($"  FONTSET \"{fontsetPath}\"");
        map.AppendLine("  PROJECTION \"init=epsg:4326\" END");
        map.AppendLine("  WEB");
        map.AppendLine("    METADATA");
        map.AppendLine("      \"wms_title\" \"EnvGis styles on MapServer (benchmark)\"");
        map.AppendLine($"      \"wms_onlineresource\" \"{onlineResource}\"");
        map.AppendLine("      \"wms_srs\" \"EPSG:4326 EPSG:3857 EPSG:4756 EPSG:3405 EPSG:9209 EPSG:9210 CRS:84\"");
        map.AppendLine("      \"wms_enable_request\" \"*\"");
        map.AppendLine("    END");
        map.AppendLine("  END");
        map.AppendLine("  OUTPUTFORMAT NAME \"png\" DRIVER AGG/PNG MIMETYPE \"image/png\" IMAGEMODE RGBA EXTENSION \"png\" TRANSPARENT ON END");
        map.AppendLine("  OUTPUTFORMAT NAME \"png8\" DRIVER AGG/PNG8 MIMETYPE \"image/png; mode=8bit\" IMAGEMODE RGBA EXTENSION \"png\" TRANSPARENT ON FORMATOPTION \"QUANTIZE_FORCE=on\" FORMATOPTION \"QUANTIZE_COLORS=256\" END");
        map.AppendLine("  OUTPUTFORMAT NAME \"jpeg\" DRIVER AGG/JPEG MIMETYPE \"image/jpeg\" IMAGEMODE RGB EXTENSION \"jpg\" FORMATOPTION \"QUALITY=85\" END");
        foreach (var symbol in Symbols())
        {
            map.AppendLine(symbol);
        }

        foreach (var (layer, style) in layers)
        {
            WriteLayer(map, layer, style, libpqConnection);
        }

        map.AppendLine("END");
        return map.ToString();
    }

    /// <summary>The fontset: the Noto Sans files EnvGis ships, under the names the LABELs use.</summary>
    public static string Fontset(string fontsDirectory) =>
        $"notosans {Path.Combine(fontsDirectory, "NotoSans-Regular.ttf")}\n" +
        $"notosans-bold {Path.Combine(fontsDirectory, "NotoSans-Bold.ttf")}\n" +
        $"notosans-italic {Path.Combine(fontsDirectory, "NotoSans-Italic.ttf")}\n";

    private static void WriteLayer(StringBuilder map, LayerDefinition layer, LayerStyle style, string connection)
    {
        var properties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in style.Rules)
        {
            Collect(rule.Filter, properties);
            foreach (var text in rule.Symbolizers.OfType<TextSymbolizer>())
            {
                properties.Add(text.Label);
            }
        }

        var columns = PublicColumns.Of(layer).Select(c => c.Name).Where(properties.Contains).ToList();
        var select = string.Join(", ", new[] { "id" }.Concat(columns.Select(c => $"\\\"{c}\\\"")).Append("geom"));
        map.AppendLine("  LAYER");
        map.AppendLine($"    NAME \"{layer.Name}\"");
        map.AppendLine($"    TYPE {layer.GeometryKind switch { GeometryKind.Point => "POINT", GeometryKind.MultiLineString => "LINE", _ => "POLYGON" }}");
        map.AppendLine("    STATUS ON");
        map.AppendLine("    CONNECTIONTYPE POSTGIS");
        map.AppendLine($"    CONNECTION \"{connection}\"");
        map.AppendLine("    PROCESSING \"CLOSE_CONNECTION=DEFER\"");
        map.AppendLine($"    DATA \"geom FROM (SELECT {select} FROM data.\\\"{layer.Name}\\\" WHERE status = 'published' AND NOT restricted) AS t USING UNIQUE id USING SRID=4326\"");
        map.AppendLine("    PROJECTION \"init=epsg:4326\" END");
        map.AppendLine($"    METADATA \"wms_title\" \"{Escape(layer.Title.Vi)}\" \"wms_srs\" \"EPSG:4326 EPSG:3857 EPSG:4756 EPSG:3405 EPSG:9209 EPSG:9210\" END");
        var labels = style.Rules.Where(r => r.Symbolizers.Count > 0 && r.Symbolizers.All(s => s is TextSymbolizer)).ToList();
        var markRadius = style.Rules.SelectMany(r => r.Symbolizers).OfType<PointSymbolizer>().Select(p => p.Size / 2).DefaultIfEmpty(0).Max();
        foreach (var rule in style.Rules.Except(labels))
        {
            map.AppendLine("    CLASS");
            map.AppendLine($"      NAME \"{rule.Name}\"");
            if (rule.Filter is not null)
            {
                map.AppendLine($"      EXPRESSION ({Expression(rule.Filter)})");
            }

            if (rule.MinScaleDenominator is { } min)
            {
                map.AppendLine($"      MINSCALEDENOM {N(min)}");
            }

            if (rule.MaxScaleDenominator is { } max)
            {
                map.AppendLine($"      MAXSCALEDENOM {N(max)}");
            }

            foreach (var symbolizer in rule.Symbolizers)
            {
                WriteStyle(map, symbolizer);
            }

            foreach (var label in labels)
            {
                foreach (var text in label.Symbolizers.OfType<TextSymbolizer>())
                {
                    WriteLabel(map, text, label, layer.GeometryKind, markRadius);
                }
            }

            map.AppendLine("    END");
        }

        map.AppendLine("  END");
    }

    private static void WriteStyle(StringBuilder map, Symbolizer symbolizer)
    {
        switch (symbolizer)
        {
            case PolygonSymbolizer p:
                if (p.Fill is not null)
                {
                    map.AppendLine($"      STYLE COLOR \"{Colour(p.Fill, p.FillOpacity)}\" END");
                }

                if (p.Stroke is not null)
                {
                    map.AppendLine($"      STYLE OUTLINECOLOR \"{Colour(p.Stroke, p.StrokeOpacity)}\" WIDTH {N(p.StrokeWidth ?? 1)}{Dashes(p.StrokeDasharray)} END");
                }

                break;
            case LineSymbolizer l:
                map.AppendLine($"      STYLE COLOR \"{Colour(l.Stroke, l.StrokeOpacity)}\" WIDTH {N(l.StrokeWidth)}{Dashes(l.StrokeDasharray)} END");
                break;
            case PointSymbolizer m:
                var fill = m.Fill is null ? "" : $" COLOR \"{Colour(m.Fill, m.FillOpacity)}\"";
                var stroke = m.Stroke is null ? "" : $" OUTLINECOLOR \"{Colour(m.Stroke, 1)}\" WIDTH {N(m.StrokeWidth ?? 1)}";
                map.AppendLine($"      STYLE SYMBOL \"{(PointSymbolizer.Marks.Contains(m.Mark) ? m.Mark : "square")}\" SIZE {N(m.Size)}{fill}{stroke} ANGLE {N(-m.Rotation)} END");
                break;
        }
    }

    private static void WriteLabel(StringBuilder map, TextSymbolizer text, StyleRule rule, GeometryKind kind, double markRadius)
    {
        var font = text.FontWeight == "bold" ? "notosans-bold" : text.FontStyle is "italic" or "oblique" ? "notosans-italic" : "notosans";
        map.AppendLine("      LABEL");
        map.AppendLine($"        TEXT \"[{text.Label}]\"");
        map.AppendLine("        TYPE TRUETYPE");
        map.AppendLine($"        FONT \"{font}\"");
        // MapServer sizes TrueType text in points (FreeType at 96 dpi); SLD font sizes are pixels.
        map.AppendLine($"        SIZE {N(text.FontSize * LabelPoints)}");
        map.AppendLine($"        COLOR \"{Colour(text.Fill, 1)}\"");
        if (text.HaloColor is not null)
        {
            map.AppendLine($"        OUTLINECOLOR \"{Colour(text.HaloColor, 1)}\" OUTLINEWIDTH {N(Math.Ceiling(text.HaloRadius ?? 1))}");
        }

        if (kind == GeometryKind.MultiLineString && text.Placement == TextSymbolizer.LinePlacement)
        {
            map.AppendLine("        ANGLE FOLLOW");
        }
        else if (kind == GeometryKind.Point)
        {
            map.AppendLine($"        POSITION CR OFFSET {N(Math.Ceiling(markRadius) + 2)} 0");
        }
        else
        {
            map.AppendLine("        POSITION CC");
        }

        if (rule.MaxScaleDenominator is { } max)
        {
            map.AppendLine($"        MAXSCALEDENOM {N(max)}");
        }

        if (rule.MinScaleDenominator is { } min)
        {
            map.AppendLine($"        MINSCALEDENOM {N(min)}");
        }

        map.AppendLine("        PARTIALS FALSE");
        map.AppendLine("      END");
    }

    /// <summary>A style filter as a MapServer logical expression; a missing value fails every comparison, as in EnvGis.</summary>
    public static string Expression(FilterNode filter) => filter switch
    {
        ComparisonNode { Left: PropertyReference p, Right: TextLiteral v } c => Compare(p.Name, c.Operator switch
        {
            ComparisonOperator.EqualTo => "=",
            ComparisonOperator.NotEqualTo => "!=",
            ComparisonOperator.LessThan => "<",
            ComparisonOperator.LessThanOrEqualTo => "<=",
            ComparisonOperator.GreaterThan => ">",
            _ => ">=",
        }, v.Text),
        BetweenNode { Value: PropertyReference p, Lower: TextLiteral lower, Upper: TextLiteral upper } =>
            $"({Compare(p.Name, ">=", lower.Text)} AND {Compare(p.Name, "<=", upper.Text)})",
        NullNode { Value: PropertyReference p } => $"(\"[{p.Name}]\" = \"\")",
        LikeNode { Value: PropertyReference p, Pattern: TextLiteral pattern } => $"(\"[{p.Name}]\" ~ \"{Escape(LikePattern.ToRegex(pattern.Text))}\")",
        AndNode a => "(" + string.Join(" AND ", a.Operands.Select(Expression)) + ")",
        OrNode o => "(" + string.Join(" OR ", o.Operands.Select(Expression)) + ")",
        NotNode n => $"(NOT {Expression(n.Operand)})",
        _ => throw new NotSupportedException(filter.GetType().Name),
    };

    private static string Compare(string property, string op, string literal)
    {
        var text = literal.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            return $"(\"[{property}]\" != \"\" AND [{property}] {op} {N(d)})";
        }

        return bool.TryParse(text, out var b)
            ? $"(\"[{property}]\" {op} \"{(b ? "true" : "false")}\")"
            : $"(\"[{property}]\" {op} \"{Escape(literal)}\")";
    }

    private static void Collect(FilterNode? filter, HashSet<string> names) => FilterProperties.Collect(filter, names);

    // The marks as EnvGis draws them (EnvGis.Ows.Rendering.Marks), in MapServer's symbol units (y down).
    private static IEnumerable<string> Symbols()
    {
        yield return "  SYMBOL NAME \"circle\" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END";
        yield return "  SYMBOL NAME \"square\" TYPE VECTOR FILLED TRUE POINTS 0 0 0 1 1 1 1 0 0 0 END END";
        yield return "  SYMBOL NAME \"triangle\" TYPE VECTOR FILLED TRUE POINTS 0 1 0.5 0 1 1 0 1 END END";
        var star = Enumerable.Range(0, 11).Select(i =>
        {
            var radius = i % 2 == 0 ? 0.5 : 0.5 * 0.382;
            var angle = -Math.PI / 2 + (i % 10) * Math.PI / 5;
            return $"{N(0.5 + radius * Math.Cos(angle))} {N(0.5 + radius * Math.Sin(angle))}";
        });
        yield return $"  SYMBOL NAME \"star\" TYPE VECTOR FILLED TRUE POINTS {string.Join(" ", star)} END END";
        double[][] plus = [[-0.125, -0.5], [0.125, -0.5], [0.125, -0.125], [0.5, -0.125], [0.5, 0.125], [0.125, 0.125], [0.125, 0.5], [-0.125, 0.5], [-0.125, 0.125], [-0.5, 0.125], [-0.5, -0.125], [-0.125, -0.125], [-0.125, -0.5]];
        yield return $"  SYMBOL NAME \"cross\" TYPE VECTOR FILLED TRUE POINTS {string.Join(" ", plus.Select(p => $"{N(p[0] + 0.5)} {N(p[1] + 0.5)}"))} END END";
        var c45 = Math.Sqrt(0.5);
        yield return $"  SYMBOL NAME \"x\" TYPE VECTOR FILLED TRUE POINTS {string.Join(" ", plus.Select(p => $"{N((p[0] - p[1]) * c45 + 0.5)} {N((p[0] + p[1]) * c45 + 0.5)}"))} END END";
    }

    private static string Dashes(IReadOnlyList<double>? dashes) =>
        dashes is { Count: > 0 } ? $" PATTERN {string.Join(" ", (dashes.Count % 2 == 0 ? dashes : [.. dashes, .. dashes]).Select(N))} END LINECAP BUTT" : " LINECAP ROUND LINEJOIN ROUND";

    private static string Colour(string hex, double? opacity) =>
        hex + ((int)Math.Round(Math.Clamp(opacity ?? 1, 0, 1) * 255)).ToString("x2", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
