using System.Globalization;
using System.Xml.Linq;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace EnvGis.Ows.Gml;

/// <summary>
/// Reads GML 2, 3.1.1 and 3.2 geometries from requests (Envelope, Box, Point, LineString, Curve,
/// LinearRing, Polygon, Surface, Multi* and their GML 3 Multi* forms) into valid x/y geometries.
/// The axis order comes from the srsName of the geometry (or of an ancestor, else the default).
/// </summary>
public sealed class GmlGeometryReader(CrsReference defaultCrs, bool forceXy = false)
{
    public const int MaxCoordinates = 1_000_000;
    private static readonly GeometryFactory Factory = new();
    private int coordinates;

    public static bool IsGml(XName name) => name.NamespaceName.StartsWith(GmlNamespaces.Gml, StringComparison.Ordinal);

    public GmlGeometry Read(XElement element, string locator)
    {
        var crs = CrsOf(element, locator);
        Geometry geometry;
        try
        {
            geometry = ReadGeometry(element, crs, locator);
        }
        catch (ArgumentException e)
        {
            throw OwsException.Invalid(locator, $"The {element.Name.LocalName} is not a valid geometry: {e.Message}");
        }

        if (new IsValidOp(geometry).ValidationError is { } invalid)
        {
            throw OwsException.Invalid(locator, $"The {element.Name.LocalName} is not a valid geometry: {invalid.Message} at or near ({invalid.Coordinate?.X.ToString("R", CultureInfo.InvariantCulture)} {invalid.Coordinate?.Y.ToString("R", CultureInfo.InvariantCulture)}).");
        }

        geometry.SRID = crs.Srid;
        return new GmlGeometry(geometry, crs);
    }

    private CrsReference CrsOf(XElement element, string locator)
    {
        for (var e = element; e is not null; e = e.Parent)
        {
            if (e.Attribute("srsName")?.Value is { Length: > 0 } name)
            {
                return CrsReference.Parse(name, locator, forceXy);
            }
        }

        return defaultCrs;
    }

    private Geometry ReadGeometry(XElement e, CrsReference crs, string locator)
    {
        if (!IsGml(e.Name))
        {
            throw OwsException.Invalid(locator, $"Expected a GML geometry, found '{e.Name.LocalName}'.");
        }

        switch (e.Name.LocalName)
        {
            case "Envelope":
            case "Box":
            {
                var corners = e.Element(e.Name.Namespace + "lowerCorner") is { } lower && e.Element(e.Name.Namespace + "upperCorner") is { } upper
                    ? Positions(lower, crs, locator).Concat(Positions(upper, crs, locator)).ToArray()
                    : Coordinates(e, crs, locator);
                if (corners.Length != 2)
                {
                    throw OwsException.Invalid(locator, "An envelope needs exactly two corners.");
                }

                var (a, b) = (corners[0], corners[1]);
                if (a.X > b.X || a.Y > b.Y)
                {
                    throw OwsException.Invalid(locator, "The lower corner of the envelope is above or right of its upper corner.");
                }

                return a.Equals2D(b) ? Factory.CreatePoint(a) : Factory.ToGeometry(new Envelope(a, b));
            }

            case "Point":
            {
                var points = Coordinates(e, crs, locator);
                return points.Length == 1 ? Factory.CreatePoint(points[0]) : throw OwsException.Invalid(locator, "A point needs exactly one position.");
            }

            case "LineString":
            case "LineStringSegment":
                return Factory.CreateLineString(Coordinates(e, crs, locator));
            case "Curve":
                return Factory.CreateLineString(Children(e, "segments").SelectMany(s => s.Elements())
                    .SelectMany(s => Coordinates(s, crs, locator)).ToArray());
            case "LinearRing":
                return Factory.CreateLinearRing(Coordinates(e, crs, locator));
            case "Polygon":
            case "PolygonPatch":
                return ReadPolygon(e, crs, locator);
            case "Surface":
                return Single(Children(e, "patches").SelectMany(p => p.Elements()).Select(p => ReadPolygon(p, crs, locator)).ToArray(), locator);
            case "MultiPoint":
                return Factory.CreateMultiPoint(Members(e, crs, locator).Select(g => g as Point
                    ?? throw OwsException.Invalid(locator, "A multi-point member must be a point.")).ToArray());
            case "MultiLineString":
            case "MultiCurve":
                return Factory.CreateMultiLineString(Members(e, crs, locator).Select(AsLine).ToArray());
            case "MultiPolygon":
            case "MultiSurface":
                return Factory.CreateMultiPolygon(Members(e, crs, locator).Select(g => g as Polygon
                    ?? throw OwsException.Invalid(locator, "A multi-surface member must be a polygon.")).ToArray());
            default:
                throw OwsException.Invalid(locator, $"The GML geometry type '{e.Name.LocalName}' is not supported.");
        }
    }

    private static Geometry Single(Polygon[] polygons, string locator) =>
        polygons.Length == 1 ? polygons[0] : polygons.Length > 1 ? Factory.CreateMultiPolygon(polygons)
            : throw OwsException.Invalid(locator, "A surface needs at least one patch.");

    private static LineString AsLine(Geometry g) => g as LineString
        ?? throw new ArgumentException("A multi-curve member must be a line string.");

    private Polygon ReadPolygon(XElement e, CrsReference crs, string locator)
    {
        LinearRing Ring(XElement boundary) =>
            boundary.Elements().FirstOrDefault(r => r.Name.LocalName == "LinearRing") is { } ring
                ? Factory.CreateLinearRing(Coordinates(ring, crs, locator))
                : throw OwsException.Invalid(locator, "A polygon boundary needs a LinearRing.");

        var shell = e.Elements().FirstOrDefault(c => c.Name.LocalName is "exterior" or "outerBoundaryIs")
            ?? throw OwsException.Invalid(locator, "A polygon needs an exterior ring.");
        var holes = e.Elements().Where(c => c.Name.LocalName is "interior" or "innerBoundaryIs").Select(Ring).ToArray();
        return Factory.CreatePolygon(Ring(shell), holes);
    }

    private IEnumerable<Geometry> Members(XElement e, CrsReference crs, string locator)
    {
        foreach (var member in e.Elements())
        {
            var name = member.Name.LocalName;
            if (name.EndsWith("Members", StringComparison.Ordinal))
            {
                foreach (var child in member.Elements())
                {
                    yield return ReadGeometry(child, crs, locator);
                }
            }
            else if (name.EndsWith("Member", StringComparison.Ordinal))
            {
                var child = member.Elements().FirstOrDefault()
                    ?? throw OwsException.Invalid(locator, $"The {name} is empty.");
                yield return ReadGeometry(child, crs, locator);
            }
        }
    }

    private static IEnumerable<XElement> Children(XElement e, string name) => e.Elements().Where(c => c.Name.LocalName == name);

    /// <summary>The positions of a geometry element from gml:pos, gml:posList, gml:coordinates or gml:coord children.</summary>
    private Coordinate[] Coordinates(XElement e, CrsReference crs, string locator)
    {
        var result = new List<Coordinate>();
        foreach (var child in e.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "pos":
                case "posList":
                    result.AddRange(Positions(child, crs, locator));
                    break;
                case "coordinates":
                    result.AddRange(GmlCoordinates(child, crs, locator));
                    break;
                case "coord":
                {
                    var x = Number(child.Elements().FirstOrDefault(c => c.Name.LocalName == "X")?.Value, locator);
                    var y = Number(child.Elements().FirstOrDefault(c => c.Name.LocalName == "Y")?.Value, locator);
                    result.Add(Position(x, y, crs));
                    break;
                }

                case "pointProperty":
                case "pointRep":
                    result.AddRange(child.Elements().SelectMany(p => Coordinates(p, crs, locator)));
                    break;
            }
        }

        return result.Count > 0 ? result.ToArray() : throw OwsException.Invalid(locator, $"The {e.Name.LocalName} has no coordinates.");
    }

    private IEnumerable<Coordinate> Positions(XElement e, CrsReference crs, string locator)
    {
        var dimension = int.TryParse(e.Attribute("srsDimension")?.Value ?? e.Attribute("dimension")?.Value, out var d) ? d : 2;
        if (dimension is < 2 or > 3)
        {
            throw OwsException.Invalid(locator, "Only 2 or 3 dimensional positions are supported.");
        }

        var numbers = e.Value.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length % dimension != 0 || numbers.Length == 0)
        {
            throw OwsException.Invalid(locator, $"The {e.Name.LocalName} has {numbers.Length} numbers, not a multiple of {dimension}.");
        }

        for (var i = 0; i < numbers.Length; i += dimension)
        {
            yield return Position(Number(numbers[i], locator), Number(numbers[i + 1], locator), crs);
        }
    }

    private IEnumerable<Coordinate> GmlCoordinates(XElement e, CrsReference crs, string locator)
    {
        var cs = e.Attribute("cs")?.Value is { Length: 1 } c ? c[0] : ',';
        var ts = e.Attribute("ts")?.Value is { Length: 1 } t ? t[0] : ' ';
        var dec = e.Attribute("decimal")?.Value is { Length: 1 } dd ? dd[0] : '.';
        var tuples = e.Value.Split([ts, '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var tuple in tuples)
        {
            var parts = tuple.Split(cs);
            if (parts.Length is < 2 or > 3)
            {
                throw OwsException.Invalid(locator, $"'{tuple}' is not a coordinate tuple.");
            }

            yield return Position(Number(parts[0].Replace(dec, '.'), locator), Number(parts[1].Replace(dec, '.'), locator), crs);
        }
    }

    private Coordinate Position(double first, double second, CrsReference crs)
    {
        if (++coordinates > MaxCoordinates)
        {
            throw OwsException.Invalid("filter", $"A geometry in a request may have at most {MaxCoordinates} positions.");
        }

        return crs.LatLon ? new Coordinate(second, first) : new Coordinate(first, second);
    }

    private static double Number(string? text, string locator) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw OwsException.Invalid(locator, $"'{text}' is not a number.");
}
