using System.Runtime.InteropServices;
using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// One feature's geometry in pixel coordinates, as decoded from TWKB: its vertices and how they form
/// points, line parts and polygon rings. Reused from feature to feature, so rendering a layer
/// allocates almost nothing per feature.
/// </summary>
public sealed class PixelGeometry
{
    private readonly List<SKPoint> vertices = [];
    private readonly List<PixelPart> parts = [];

    /// <summary>What the geometry is made of (a collection may mix kinds; the widest kind wins).</summary>
    public PixelGeometryKind Kind { get; internal set; }

    public IReadOnlyList<SKPoint> Vertices => vertices;

    /// <summary>Points (one vertex each), line parts and polygon rings, in order.</summary>
    public IReadOnlyList<PixelPart> Parts => parts;

    public bool IsEmpty => parts.Count == 0;

    public void Clear()
    {
        vertices.Clear();
        parts.Clear();
        Kind = PixelGeometryKind.Empty;
    }

    internal void AddVertex(float x, float y) => vertices.Add(new SKPoint(x, y));

    internal int VertexCount => vertices.Count;

    internal void AddPart(PixelPartKind kind, int start, int polygon)
    {
        var count = vertices.Count - start;
        if (count > 0)
        {
            parts.Add(new PixelPart(kind, start, count, polygon));
        }
    }

    /// <summary>Adds the lines and rings to <paramref name="path"/> (rings closed); points are left out.</summary>
    public void AddTo(SKPathBuilder path)
    {
        var all = CollectionsMarshal.AsSpan(vertices);
        foreach (var part in parts)
        {
            if (part.Kind != PixelPartKind.Point && part.Count >= 2)
            {
                path.AddPoly(all.Slice(part.Start, part.Count), close: part.Kind != PixelPartKind.Line);
            }
        }
    }

    /// <summary>The bounding box of all vertices.</summary>
    public SKRect Bounds()
    {
        if (vertices.Count == 0)
        {
            return SKRect.Empty;
        }

        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        foreach (var v in vertices)
        {
            minX = Math.Min(minX, v.X);
            minY = Math.Min(minY, v.Y);
            maxX = Math.Max(maxX, v.X);
            maxY = Math.Max(maxY, v.Y);
        }

        return new SKRect(minX, minY, maxX, maxY);
    }
}

public enum PixelGeometryKind
{
    Empty,
    Point,
    Line,
    Polygon,
}

public enum PixelPartKind
{
    Point,
    Line,
    OuterRing,
    InnerRing,
}

/// <summary>A run of <see cref="Count"/> vertices from <see cref="Start"/>; rings carry the index of their polygon.</summary>
public readonly record struct PixelPart(PixelPartKind Kind, int Start, int Count, int Polygon);
