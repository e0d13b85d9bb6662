using System.Globalization;
using System.Text;
using System.Xml;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Gml;

/// <summary>
/// Writes a NetTopologySuite geometry as GML 2, 3.1.1 or 3.2 (MultiSurface/MultiCurve in GML 3),
/// in the axis order asked for, with unique gml:ids derived from the feature id in GML 3.2.
/// </summary>
public sealed class GmlGeometryWriter(GmlVersion version, bool latLon, int decimals, string srsName)
{
    private readonly string ns = GmlNamespaces.Of(version);
    private readonly StringBuilder text = new();

    public void Write(XmlWriter xml, Geometry geometry, string id)
    {
        var counter = 0;
        WriteGeometry(xml, geometry, id, ref counter, top: true);
    }

    private void WriteGeometry(XmlWriter xml, Geometry geometry, string id, ref int counter, bool top)
    {
        switch (geometry)
        {
            case Point point:
                Start(xml, "Point", id, ref counter, top);
                WriteCoordinates(xml, point.CoordinateSequence, single: true);
                xml.WriteEndElement();
                break;
            case LinearRing ring:
                Start(xml, "LinearRing", id, ref counter, top);
                WriteCoordinates(xml, ring.CoordinateSequence, single: false);
                xml.WriteEndElement();
                break;
            case LineString line:
                Start(xml, "LineString", id, ref counter, top);
                WriteCoordinates(xml, line.CoordinateSequence, single: false);
                xml.WriteEndElement();
                break;
            case Polygon polygon:
                Start(xml, "Polygon", id, ref counter, top);
                xml.WriteStartElement("gml", version == GmlVersion.Gml2 ? "outerBoundaryIs" : "exterior", ns);
                WriteRing(xml, polygon.Shell);
                xml.WriteEndElement();
                foreach (var hole in polygon.Holes)
                {
                    xml.WriteStartElement("gml", version == GmlVersion.Gml2 ? "innerBoundaryIs" : "interior", ns);
                    WriteRing(xml, hole);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                break;
            case MultiPolygon multi:
                WriteCollection(xml, multi, version == GmlVersion.Gml2 ? ("MultiPolygon", "polygonMember") : ("MultiSurface", "surfaceMember"), id, ref counter, top);
                break;
            case MultiLineString multi:
                WriteCollection(xml, multi, version == GmlVersion.Gml2 ? ("MultiLineString", "lineStringMember") : ("MultiCurve", "curveMember"), id, ref counter, top);
                break;
            case MultiPoint multi:
                WriteCollection(xml, multi, ("MultiPoint", "pointMember"), id, ref counter, top);
                break;
            case GeometryCollection collection:
                WriteCollection(xml, collection, version == GmlVersion.Gml2 ? ("MultiGeometry", "geometryMember") : ("MultiGeometry", "geometryMember"), id, ref counter, top);
                break;
            default:
                throw new NotSupportedException($"Geometry type {geometry.GeometryType} cannot be written as GML.");
        }
    }

    private void WriteCollection(XmlWriter xml, GeometryCollection collection, (string Element, string Member) names, string id, ref int counter, bool top)
    {
        Start(xml, names.Element, id, ref counter, top);
        for (var i = 0; i < collection.NumGeometries; i++)
        {
            xml.WriteStartElement("gml", names.Member, ns);
            WriteGeometry(xml, collection.GetGeometryN(i), id, ref counter, top: false);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void WriteRing(XmlWriter xml, LineString ring)
    {
        xml.WriteStartElement("gml", "LinearRing", ns);
        WriteCoordinates(xml, ring.CoordinateSequence, single: false);
        xml.WriteEndElement();
    }

    private void Start(XmlWriter xml, string element, string id, ref int counter, bool top)
    {
        xml.WriteStartElement("gml", element, ns);
        if (version == GmlVersion.Gml32)
        {
            xml.WriteAttributeString("gml", "id", ns, counter == 0 ? id : $"{id}.{counter}");
        }

        counter++;
        if (top)
        {
            xml.WriteAttributeString("srsName", srsName);
        }
    }

    private void WriteCoordinates(XmlWriter xml, CoordinateSequence sequence, bool single)
    {
        text.Clear();
        var separator = version == GmlVersion.Gml2 ? ',' : ' ';
        for (var i = 0; i < sequence.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            var x = sequence.GetX(i);
            var y = sequence.GetY(i);
            Append(latLon ? y : x).Append(separator);
            Append(latLon ? x : y);
        }

        if (version == GmlVersion.Gml2)
        {
            xml.WriteStartElement("gml", "coordinates", ns);
            xml.WriteAttributeString("decimal", ".");
            xml.WriteAttributeString("cs", ",");
            xml.WriteAttributeString("ts", " ");
        }
        else
        {
            xml.WriteStartElement("gml", single ? "pos" : "posList", ns);
            xml.WriteAttributeString("srsDimension", "2");
        }

        xml.WriteString(text.ToString());
        xml.WriteEndElement();
    }

    private StringBuilder Append(double value) =>
        text.Append(Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("R", CultureInfo.InvariantCulture));
}
