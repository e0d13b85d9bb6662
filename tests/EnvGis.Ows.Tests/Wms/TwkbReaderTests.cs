using EnvGis.Ows.Rendering;
using SkiaSharp;

namespace EnvGis.Ows.Tests.Wms;

/// <summary>TWKB decoding against bytes written by PostGIS 3.3 ST_AsTWKB(geometry, 1).</summary>
public sealed class TwkbReaderTests
{
    private static PixelGeometry Read(string hex)
    {
        var geometry = new PixelGeometry();
        TwkbReader.Read(Convert.FromHexString(hex), geometry);
        return geometry;
    }

    [Fact]
    public void A_point_with_negative_coordinates()
    {
        var g = Read("2100ce0145"); // POINT(10.25 -3.5), precision 1 rounds 10.25 to 10.3
        Assert.Equal(PixelGeometryKind.Point, g.Kind);
        var part = Assert.Single(g.Parts);
        Assert.Equal(PixelPartKind.Point, part.Kind);
        Assert.Equal(10.3f, g.Vertices[0].X, 4);
        Assert.Equal(-3.5f, g.Vertices[0].Y, 4);
    }

    [Fact]
    public void A_line_accumulates_its_deltas()
    {
        var g = Read("22000314145050005a"); // LINESTRING(1 1,5 5,5 9.5)
        Assert.Equal(PixelGeometryKind.Line, g.Kind);
        Assert.Equal([new SKPoint(1, 1), new SKPoint(5, 5), new SKPoint(5, 9.5f)], g.Vertices);
    }

    [Fact]
    public void A_polygon_keeps_its_hole_as_an_inner_ring()
    {
        var g = Read("230002050000c8010000c801c7010000c7010528280028280000272700");
        Assert.Equal(PixelGeometryKind.Polygon, g.Kind);
        Assert.Equal([PixelPartKind.OuterRing, PixelPartKind.InnerRing], g.Parts.Select(p => p.Kind));
        Assert.Equal(new SKPoint(10, 10), g.Vertices[2]);
        Assert.Equal(new SKPoint(2, 2), g.Vertices[g.Parts[1].Start]);
        Assert.Equal(new SKPoint(4, 4), g.Vertices[g.Parts[1].Start + 2]);
    }

    [Fact]
    public void Multipolygon_parts_continue_the_deltas_and_number_their_polygons()
    {
        var g = Read("2600020104000014000014131301046464140000141313");
        Assert.Equal(2, g.Parts.Count);
        Assert.Equal([0, 1], g.Parts.Select(p => p.Polygon));
        Assert.Equal(new SKPoint(5, 5), g.Vertices[g.Parts[1].Start]);
        Assert.Equal(new SKPoint(6, 6), g.Vertices[g.Parts[1].Start + 2]);
    }

    [Fact]
    public void Empty_collections_and_multipoints()
    {
        Assert.True(Read("2310").IsEmpty);
        var collection = Read("2700022100142822000200003c50"); // GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,3 4))
        Assert.Equal(PixelGeometryKind.Line, collection.Kind);
        Assert.Equal([PixelPartKind.Point, PixelPartKind.Line], collection.Parts.Select(p => p.Kind));
        Assert.Equal(new SKPoint(3, 4), collection.Vertices[^1]);
        var points = Read("04000202020202"); // MULTIPOINT(1 1,2 2), precision 0
        Assert.Equal(PixelGeometryKind.Point, points.Kind);
        Assert.Equal([new SKPoint(1, 1), new SKPoint(2, 2)], points.Vertices);
    }

    [Fact]
    public void The_same_buffer_is_reused_from_feature_to_feature()
    {
        var g = new PixelGeometry();
        TwkbReader.Read(Convert.FromHexString("22000314145050005a"), g);
        TwkbReader.Read(Convert.FromHexString("2100ce0145"), g);
        Assert.Single(g.Vertices);
        Assert.Equal(PixelGeometryKind.Point, g.Kind);
    }

    [Fact]
    public void Truncated_input_is_an_error_not_a_hang()
    {
        Assert.ThrowsAny<Exception>(() => Read("220003141450"));
    }
}
