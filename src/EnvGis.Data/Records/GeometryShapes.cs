using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using NetTopologySuite.Geometries;

namespace EnvGis.Data.Records;

/// <summary>
/// Fits a geometry to a layer's type before it is stored: a polygon becomes a one-member
/// MultiPolygon, a line string a MultiLineString, a one-point MultiPoint a Point; anything else is refused.
/// </summary>
public static class GeometryShapes
{
    public static Geometry Fit(LayerDefinition layer, Geometry geometry)
    {
        if (geometry.IsEmpty)
        {
            throw RecordException.Invalid("The geometry is empty.", "geometry");
        }

        var factory = geometry.Factory;
        Geometry? fitted = (layer.GeometryKind, geometry) switch
        {
            (GeometryKind.Point, Point) => geometry,
            (GeometryKind.Point, MultiPoint { NumGeometries: 1 } multi) => multi.GetGeometryN(0),
            (GeometryKind.MultiLineString, MultiLineString) => geometry,
            (GeometryKind.MultiLineString, LineString line) when line is not LinearRing => factory.CreateMultiLineString([line]),
            (GeometryKind.MultiPolygon, MultiPolygon) => geometry,
            (GeometryKind.MultiPolygon, Polygon polygon) => factory.CreateMultiPolygon([polygon]),
            _ => null,
        };
        if (fitted is null)
        {
            throw RecordException.Invalid(
                $"The layer '{layer.Name}' holds {layer.GeometryKind} geometries; a {geometry.GeometryType} does not fit.", "geometry");
        }

        fitted.SRID = geometry.SRID;
        return fitted;
    }
}
