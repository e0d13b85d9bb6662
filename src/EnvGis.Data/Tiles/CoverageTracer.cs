using NetTopologySuite.Geometries;

namespace EnvGis.Data.Tiles;

/// <summary>
/// Turns the covered cells of a tile (128 × 128 cells of 2 × 2 pixels) into polygons in the tile's own
/// units (0–4096, y down, outer rings clockwise as MVT wants them): the outline of every connected
/// group of cells, with its holes, on the cell grid, so groups in neighbouring tiles meet exactly at
/// the tile edge. Cells touching the tile edge are repeated over
/// <see cref="Margin"/> cells past it, so an outline never runs along the edge (where a renderer would
/// stroke it); that part lies in the tile's buffer and is never shown. Cells that touch only at a
/// corner stay separate polygons.
/// </summary>
public static class CoverageTracer
{
    public const int CellsPerTile = 128;
    public const int Margin = 2;

    /// <summary>The side of a cell in MVT units.</summary>
    public const int UnitsPerCell = TileSql.Extent / CellsPerTile;

    private const int Size = CellsPerTile + 2 * Margin;
    private const int Corners = Size + 1;

    /// <summary>The polygons of the cells, given by their position in the tile (0..127, from the top left).</summary>
    public static MultiPolygon Trace(IEnumerable<(int I, int J)> cells, GeometryFactory factory)
    {
        var grid = Fill(cells);
        var rings = Rings(grid);
        var outers = rings.Where(r => r.Area > 0).ToList();
        var holes = new List<Ring>[outers.Count];
        foreach (var hole in rings.Where(r => r.Area < 0))
        {
            var (px, py) = hole.InsidePoint();
            var best = -1;
            for (var i = 0; i < outers.Count; i++)
            {
                if (outers[i].Contains(px, py) && (best < 0 || outers[i].Area < outers[best].Area))
                {
                    best = i;
                }
            }

            if (best >= 0)
            {
                (holes[best] ??= []).Add(hole);
            }
        }

        LinearRing ToRing(Ring ring) => factory.CreateLinearRing(ring.Points
            .Select(p => new Coordinate((p.X - Margin) * UnitsPerCell, (p.Y - Margin) * UnitsPerCell))
            .ToArray());

        var polygons = outers.Select((outer, i) => factory.CreatePolygon(
            ToRing(outer), holes[i]?.Select(ToRing).ToArray() ?? [])).ToArray();
        return factory.CreateMultiPolygon(polygons);
    }

    // The cells with the margin, where each margin cell repeats the nearest cell of the tile.
    private static bool[] Fill(IEnumerable<(int I, int J)> cells)
    {
        var grid = new bool[Size * Size];
        foreach (var (i, j) in cells)
        {
            if (i is >= 0 and < CellsPerTile && j is >= 0 and < CellsPerTile)
            {
                grid[(j + Margin) * Size + i + Margin] = true;
            }
        }

        for (var gy = 0; gy < Size; gy++)
        {
            for (var gx = 0; gx < Size; gx++)
            {
                var sx = Math.Clamp(gx, Margin, Margin + CellsPerTile - 1);
                var sy = Math.Clamp(gy, Margin, Margin + CellsPerTile - 1);
                if (sx != gx || sy != gy)
                {
                    grid[gy * Size + gx] = grid[sy * Size + sx];
                }
            }
        }

        return grid;
    }

    // Boundary edges run with the covered cell on their right (y grows downwards), so outlines are
    // clockwise on screen and holes anticlockwise; at a corner where two edges leave, the walk turns
    // right, which keeps cells touching only at that corner apart.
    private static List<Ring> Rings(bool[] grid)
    {
        bool Covered(int x, int y) => x >= 0 && y >= 0 && x < Size && y < Size && grid[y * Size + x];
        var first = new int[Corners * Corners];
        var second = new int[Corners * Corners];
        Array.Fill(first, -1);
        Array.Fill(second, -1);
        void Edge(int fromX, int fromY, int toX, int toY)
        {
            var from = fromY * Corners + fromX;
            if (first[from] < 0)
            {
                first[from] = toY * Corners + toX;
            }
            else
            {
                second[from] = toY * Corners + toX;
            }
        }

        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (!Covered(x, y))
                {
                    continue;
                }

                if (!Covered(x, y - 1)) Edge(x, y, x + 1, y);
                if (!Covered(x + 1, y)) Edge(x + 1, y, x + 1, y + 1);
                if (!Covered(x, y + 1)) Edge(x + 1, y + 1, x, y + 1);
                if (!Covered(x - 1, y)) Edge(x, y + 1, x, y);
            }
        }

        var rings = new List<Ring>();
        for (var start = 0; start < first.Length; start++)
        {
            while (first[start] >= 0)
            {
                rings.Add(Walk(start, first, second));
            }
        }

        return rings;
    }

    private static Ring Walk(int start, int[] first, int[] second)
    {
        var points = new List<(int X, int Y)>();
        var at = start;
        int dx = 0, dy = 0;
        do
        {
            var next = Take(at, dx, dy, first, second);
            var (ax, ay) = (at % Corners, at / Corners);
            var (nx, ny) = (next % Corners, next / Corners);
            var (ndx, ndy) = (Math.Sign(nx - ax), Math.Sign(ny - ay));
            if (ndx != dx || ndy != dy)
            {
                points.Add((ax, ay));
            }

            (dx, dy) = (ndx, ndy);
            at = next;
        }
        while (at != start);

        // The start is a corner only if the walk turns there.
        var (sx, sy) = (points[0].X, points[0].Y);
        var (fx, fy) = (points[1].X - sx, points[1].Y - sy);
        var (lx, ly) = (sx - points[^1].X, sy - points[^1].Y);
        if (Math.Sign(fx) == Math.Sign(lx) && Math.Sign(fy) == Math.Sign(ly))
        {
            points.RemoveAt(0);
        }

        points.Add(points[0]);
        return new Ring(points);
    }

    // The edge leaving a corner: the only one, or at a corner shared diagonally, the right turn.
    private static int Take(int at, int dx, int dy, int[] first, int[] second)
    {
        var chosen = first[at];
        if (second[at] >= 0)
        {
            var (ax, ay) = (at % Corners, at / Corners);
            var (rx, ry) = (-dy, dx);
            var candidate = second[at];
            if (Math.Sign(candidate % Corners - ax) == rx && Math.Sign(candidate / Corners - ay) == ry)
            {
                chosen = candidate;
                second[at] = -1;
                return chosen;
            }

            first[at] = second[at];
            second[at] = -1;
            return chosen;
        }

        first[at] = -1;
        return chosen;
    }

    /// <summary>A closed ring on the cell grid; Area &gt; 0 for outlines (clockwise on screen), &lt; 0 for holes.</summary>
    private sealed class Ring(List<(int X, int Y)> points)
    {
        public List<(int X, int Y)> Points { get; } = points;

        public double Area { get; } = Shoelace(points);

        /// <summary>The centre of the empty cell left of the first edge: inside a hole.</summary>
        public (double X, double Y) InsidePoint()
        {
            var (ax, ay) = Points[0];
            var (bx, by) = Points[1];
            var (dx, dy) = (Math.Sign(bx - ax), Math.Sign(by - ay));
            return (ax + 0.5 * dx + 0.5 * dy, ay + 0.5 * dy - 0.5 * dx);
        }

        /// <summary>Even-odd test; points at cell centres never lie on an edge.</summary>
        public bool Contains(double x, double y)
        {
            var inside = false;
            for (int i = 0, j = Points.Count - 2; i < Points.Count - 1; j = i++)
            {
                var (xi, yi) = Points[i];
                var (xj, yj) = Points[j];
                if ((yi > y) != (yj > y) && x < (double)(xj - xi) * (y - yi) / (yj - yi) + xi)
                {
                    inside = !inside;
                }
            }

            return inside;
        }

        private static double Shoelace(List<(int X, int Y)> points)
        {
            double sum = 0;
            for (var i = 0; i < points.Count - 1; i++)
            {
                sum += (double)points[i].X * points[i + 1].Y - (double)points[i + 1].X * points[i].Y;
            }

            return sum / 2;
        }
    }
}
