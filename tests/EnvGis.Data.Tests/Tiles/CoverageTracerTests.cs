using EnvGis.Data.Tiles;
using NetTopologySuite.Geometries;

namespace EnvGis.Data.Tests.Tiles;

/// <summary>Covered cells become outlines on the cell grid: exact squares, holes, corner-touching cells apart, edges pushed into the buffer.</summary>
public sealed class CoverageTracerTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 0);
    private const double Cell = CoverageTracer.UnitsPerCell;

    [Fact]
    public void One_cell_is_one_square_of_two_by_two_pixels_where_the_cell_is()
    {
        var polygons = CoverageTracer.Trace([(10, 20)], Factory);
        var square = Assert.IsType<Polygon>(Assert.Single(polygons.Geometries));
        Assert.Equal(5, square.Shell.NumPoints);
        Assert.Equal(Cell * Cell, square.Area, 6);
        Assert.Equal(10 * Cell, square.EnvelopeInternal.MinX);
        Assert.Equal(20 * Cell, square.EnvelopeInternal.MinY);
        Assert.True(square.Shell.IsCCW, "outer rings have a positive area by the surveyor's formula, as MVT wants (clockwise on screen, y down)");
    }

    [Fact]
    public void A_ring_of_cells_has_a_hole_and_a_filled_block_has_only_its_corners()
    {
        var ring = new List<(int, int)>();
        for (var i = 30; i < 33; i++)
        {
            for (var j = 30; j < 33; j++)
            {
                if (i != 31 || j != 31)
                {
                    ring.Add((i, j));
                }
            }
        }

        var polygon = Assert.IsType<Polygon>(Assert.Single(CoverageTracer.Trace(ring, Factory).Geometries));
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(8 * Cell * Cell, polygon.Area, 4);
        Assert.True(polygon.IsValid);

        var block = new List<(int, int)>();
        for (var i = 50; i < 60; i++)
        {
            for (var j = 40; j < 45; j++)
            {
                block.Add((i, j));
            }
        }

        var rectangle = Assert.IsType<Polygon>(Assert.Single(CoverageTracer.Trace(block, Factory).Geometries));
        Assert.Equal(5, rectangle.Shell.NumPoints);
        Assert.Equal(50 * Cell * Cell, rectangle.Area, 4);
    }

    [Fact]
    public void Cells_touching_only_at_a_corner_are_separate_valid_polygons()
    {
        var polygons = CoverageTracer.Trace([(5, 5), (6, 6), (7, 5)], Factory);
        Assert.Equal(3, polygons.NumGeometries);
        Assert.True(polygons.IsValid);
    }

    [Fact]
    public void An_island_in_a_hole_is_its_own_polygon()
    {
        var cells = new List<(int, int)>();
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var border = i == 0 || j == 0 || i == 4 || j == 4;
                if (border || (i == 2 && j == 2))
                {
                    cells.Add((i + 60, j + 60));
                }
            }
        }

        var polygons = CoverageTracer.Trace(cells, Factory);
        Assert.Equal(2, polygons.NumGeometries);
        Assert.Equal(17 * Cell * Cell, polygons.Area, 4);
        Assert.True(polygons.IsValid);
    }

    [Fact]
    public void Cells_on_the_tile_edge_reach_into_the_buffer_so_no_outline_runs_along_the_edge()
    {
        var polygon = Assert.IsType<Polygon>(Assert.Single(CoverageTracer.Trace([(0, 50)], Factory).Geometries));
        Assert.Equal(-CoverageTracer.Margin * Cell, polygon.EnvelopeInternal.MinX);
        Assert.Equal((1 + CoverageTracer.Margin) * Cell * Cell, polygon.Area, 4);
    }

    [Fact]
    public void Morton_codes_interleave_and_come_back()
    {
        Assert.Equal(0b1001, Morton.Encode(1, 2));
        foreach (var (x, y) in new[] { (0, 0), (104318, 57726), (524287, 524287), (1 << 20, 3) })
        {
            Assert.Equal((x, y), Morton.Decode(Morton.Encode(x, y)));
        }

        // A tile's 128 × 128 cells are one range of codes.
        var x0 = 815 * 128;
        var y0 = 451 * 128;
        var first = Morton.Encode(x0, y0);
        var last = Morton.Encode(x0 + 127, y0 + 127);
        Assert.Equal(128L * 128 - 1, last - first);
    }
}
