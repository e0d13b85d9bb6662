using System.Text.Json;
using EnvGis.Core.Filters;
using EnvGis.Ows.Crs;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace EnvGis.Ows.Filters.Cql2;

/// <summary>
/// Geometry literals of CQL2 (well-known text, BBOX, GeoJSON) in the filter's CRS (<c>filter-crs</c>,
/// CRS84 by default): coordinates are read in that CRS's axis order and turned to x/y, the SRID is set,
/// invalid geometries and more than <see cref="FilterLimits.MaxCoordinates"/> coordinates are refused.
/// </summary>
public sealed class Cql2Geometries(CrsReference crs)
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() }, MaxDepth = 16 };
    private int coordinates;

    public CrsReference Crs => crs;

    public Geometry FromWkt(string wkt)
    {
        Geometry geometry;
        try
        {
            geometry = new WKTReader().Read(wkt);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new FilterException($"The geometry literal is not valid well-known text: {e.Message}");
        }

        return Finish(geometry);
    }

    /// <summary>BBOX(west, south, east, north) or with elevations (6 numbers, which are ignored), in the filter CRS's axis order.</summary>
    public Geometry FromBbox(IReadOnlyList<double> numbers)
    {
        var (x1, y1, x2, y2) = numbers.Count switch
        {
            4 => (numbers[0], numbers[1], numbers[2], numbers[3]),
            6 => (numbers[0], numbers[1], numbers[3], numbers[4]),
            _ => throw new FilterException("A BBOX has 4 numbers (or 6 with elevations)."),
        };
        if (crs.LatLon)
        {
            (x1, y1, x2, y2) = (y1, x1, y2, x2);
        }

        if (x1 > x2 || y1 > y2)
        {
            throw new FilterException("A BBOX's minimum is above its maximum (boxes across the antimeridian are not supported).");
        }

        var box = new GeometryFactory().ToGeometry(new Envelope(x1, x2, y1, y2));
        box.SRID = crs.Srid;
        Count(box);
        return box;
    }

    public Geometry FromGeoJson(JsonElement element)
    {
        Geometry? geometry;
        try
        {
            geometry = element.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            throw new FilterException($"The geometry literal is not valid GeoJSON: {e.Message}");
        }

        return Finish(geometry ?? throw new FilterException("The geometry literal is empty."));
    }

    private Geometry Finish(Geometry geometry)
    {
        Count(geometry);
        if (crs.LatLon)
        {
            geometry.Apply(new SwapAxes());
            geometry.GeometryChanged();
        }

        if (geometry.Coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y)))
        {
            throw new FilterException("The geometry literal has coordinates that are not finite numbers.");
        }

        if (new IsValidOp(geometry).ValidationError is { } invalid)
        {
            throw new FilterException($"The {geometry.GeometryType} literal is not a valid geometry: {invalid.Message}.");
        }

        geometry.SRID = crs.Srid;
        return geometry;
    }

    private void Count(Geometry geometry)
    {
        coordinates += geometry.NumPoints;
        if (coordinates > FilterLimits.MaxCoordinates)
        {
            throw new FilterException($"The geometry literals of a filter may have at most {FilterLimits.MaxCoordinates} coordinates.");
        }
    }

    private sealed class SwapAxes : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var x = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, x);
        }
    }
}
