using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// Where to put a label or a mark on an area or a line, in pixels: for areas a point inside the
/// largest polygon (middle of the widest span of a horizontal line through its middle, as GEOS's
/// InteriorPoint does), for lines the middle of the longest part.
/// </summary>
public static class InteriorPoint
{
    public static SKPoint? Of(PixelGeometry geometry) => geometry.Kind switch
    {
        PixelGeometryKind.Polygon => InPolygon(geometry),
        PixelGeometryKind.Line => LongestLine(geometry) is { } part ? MiddleOf(geometry, part) : null,
        PixelGeometryKind.Point => geometry.Vertices.Count > 0 ? geometry.Vertices[0] : null,
        _ => null,
    };

    /// <summary>The longest line part, or null when there is none.</summary>
    public static PixelPart? LongestLine(PixelGeometry geometry)
    {
        PixelPart? best = null;
        var bestLength = 0.0;
        foreach (var part in geometry.Parts)
        {
            if (part.Kind != PixelPartKind.Line)
            {
                continue;
            }

            var length = Length(geometry, part);
            if (length > bestLength)
            {
                bestLength = length;
                best = part;
            }
        }

        return best;
    }

    public static double Length(PixelGeometry geometry, PixelPart part)
    {
        var length = 0.0;
        var v = geometry.Vertices;
        for (var i = part.Start + 1; i < part.Start + part.Count; i++)
        {
            length += SKPoint.Distance(v[i - 1], v[i]);
        }

        return length;
    }

    private static SKPoint? MiddleOf(PixelGeometry geometry, PixelPart part)
    {
        var half = Length(geometry, part) / 2;
        var v = geometry.Vertices;
        for (var i = part.Start + 1; i < part.Start + part.Count; i++)
        {
            var segment = SKPoint.Distance(v[i - 1], v[i]);
            if (segment >= half && segment > 0)
            {
                var t = (float)(half / segment);
                return new SKPoint(v[i - 1].X + (v[i].X - v[i - 1].X) * t, v[i - 1].Y + (v[i].Y - v[i - 1].Y) * t);
            }

            half -= segment;
        }

        return v[part.Start];
    }

    private static SKPoint? InPolygon(PixelGeometry geometry)
    {
        // The polygon whose outer ring has the largest bounding box.
        var v = geometry.Vertices;
        var best = -1;
        var bestArea = -1f;
        var bestBox = SKRect.Empty;
        foreach (var part in geometry.Parts)
        {
            if (part.Kind != PixelPartKind.OuterRing)
            {
                continue;
            }

            var box = BoxOf(v, part);
            var area = box.Width * box.Height;
            if (area > bestArea)
            {
                bestArea = area;
                best = part.Polygon;
                bestBox = box;
            }
        }

        if (best < 0)
        {
            return null;
        }

        var y = bestBox.MidY;
        var crossings = new List<float>();
        foreach (var part in geometry.Parts)
        {
            if (part.Polygon != best || part.Kind == PixelPartKind.Line || part.Kind == PixelPartKind.Point)
            {
                continue;
            }

            for (var i = 0; i < part.Count; i++)
            {
                var a = v[part.Start + i];
                var b = v[part.Start + (i + 1) % part.Count];
                if ((a.Y <= y && b.Y > y) || (b.Y <= y && a.Y > y))
                {
                    crossings.Add(a.X + (y - a.Y) / (b.Y - a.Y) * (b.X - a.X));
                }
            }
        }

        crossings.Sort();
        var widest = -1f;
        var x = bestBox.MidX;
        for (var i = 0; i + 1 < crossings.Count; i += 2)
        {
            var width = crossings[i + 1] - crossings[i];
            if (width > widest)
            {
                widest = width;
                x = (crossings[i] + crossings[i + 1]) / 2;
            }
        }

        return new SKPoint(x, y);
    }

    private static SKRect BoxOf(IReadOnlyList<SKPoint> v, PixelPart part)
    {
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        for (var i = part.Start; i < part.Start + part.Count; i++)
        {
            minX = Math.Min(minX, v[i].X);
            minY = Math.Min(minY, v[i].Y);
            maxX = Math.Max(maxX, v[i].X);
            maxY = Math.Max(maxY, v[i].Y);
        }

        return new SKRect(minX, minY, maxX, maxY);
    }
}
