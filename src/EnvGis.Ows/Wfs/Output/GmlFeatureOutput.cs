using System.Globalization;
using System.Xml;
using EnvGis.Data.Features;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Ows.Gml;
using EnvGis.Ows.Wfs.DescribeFeatureType;
using EnvGis.Ows.Wfs.GetFeature;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Wfs.Output;

/// <summary>
/// Streams features as GML inside the collection of the request's version: WFS 2.0
/// wfs:FeatureCollection/wfs:member (numberMatched, numberReturned, next, previous), WFS 1.1
/// wfs:FeatureCollection/gml:featureMember (numberOfFeatures), WFS 1.0 with GML 2 (fid).
/// GetFeatureById writes the bare feature.
/// </summary>
public sealed class GmlFeatureOutput(HttpResponse response, OutputFormat format) : FeatureOutput
{
    private readonly GmlVersion gml = format.Gml ?? GmlVersion.Gml32;
    private readonly Dictionary<string, GmlGeometryWriter> geometryWriters = new(StringComparer.Ordinal);
    private XmlResponse? output;
    private CollectionInfo info = null!;

    private string GmlNs => GmlNamespaces.Of(gml);

    private XmlWriter Xml => output!.Writer;

    public override Task StartAsync(CollectionInfo collection)
    {
        info = collection;
        output = OwsXml.Start(response, format.ContentType + "; charset=utf-8");
        Xml.WriteStartDocument();
        if (info.Single)
        {
            return Task.CompletedTask;
        }

        var wfs = WfsVersions.Namespace(info.Version);
        Xml.WriteStartElement("wfs", "FeatureCollection", wfs);
        Xml.WriteAttributeString("xmlns", "gml", null, GmlNs);
        Xml.WriteAttributeString("xmlns", FeatureType.Prefix, null, FeatureType.Namespace);
        Xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        Xml.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
        Xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, SchemaLocation(wfs));
        Xml.WriteAttributeString("timeStamp", info.TimeStamp);
        if (info.Version == WfsVersions.V200)
        {
            Xml.WriteAttributeString("numberMatched", info.Matched.ToString(CultureInfo.InvariantCulture));
            Xml.WriteAttributeString("numberReturned", info.Returned.ToString(CultureInfo.InvariantCulture));
            if (info.Next is not null)
            {
                Xml.WriteAttributeString("next", info.Next);
            }

            if (info.Previous is not null)
            {
                Xml.WriteAttributeString("previous", info.Previous);
            }
        }
        else
        {
            Xml.WriteAttributeString("numberOfFeatures", info.Returned.ToString(CultureInfo.InvariantCulture));
            if (gml == GmlVersion.Gml2)
            {
                // GML 2 collections must have a boundedBy.
                Xml.WriteStartElement("gml", "boundedBy", GmlNs);
                Xml.WriteElementString("gml", "null", GmlNs, "unknown");
                Xml.WriteEndElement();
            }
        }

        return Task.CompletedTask;
    }

    private string SchemaLocation(string wfs)
    {
        var wfsSchema = info.Version == WfsVersions.V200 ? "wfs/2.0/wfs.xsd" : info.Version == WfsVersions.V110 ? "wfs/1.1.0/wfs.xsd" : "wfs/1.0.0/WFS-basic.xsd";
        var describe = $"{info.ServiceUrl}?service=WFS&version={info.Version}&request=DescribeFeatureType&typeNames="
            + string.Join(',', info.Types.Select(t => t.QualifiedName).Distinct())
            + (gml != WfsVersions.DefaultGml(info.Version) ? "&outputFormat=" + Uri.EscapeDataString(format.Name) : "");
        return $"{wfs} {OwsXml.SchemasBase}{wfsSchema} {GmlNs} {FeatureSchemaWriter.SchemaLocation(gml)} {FeatureType.Namespace} {describe}";
    }

    public override ValueTask WriteAsync(QueryPlan plan, FeatureReader reader)
    {
        var xml = Xml;
        if (!info.Single)
        {
            if (info.Version == WfsVersions.V200)
            {
                xml.WriteStartElement("wfs", "member", WfsVersions.Wfs20Namespace);
            }
            else
            {
                xml.WriteStartElement("gml", "featureMember", GmlNs);
            }
        }

        var id = plan.Type.FeatureId(reader.Id);
        xml.WriteStartElement(FeatureType.Prefix, plan.Type.Name, FeatureType.Namespace);
        if (info.Single)
        {
            xml.WriteAttributeString("xmlns", "gml", null, GmlNs);
            xml.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
        }

        if (gml == GmlVersion.Gml2)
        {
            xml.WriteAttributeString("fid", id);
        }
        else
        {
            xml.WriteAttributeString("gml", "id", GmlNs, id);
        }

        var values = reader.Values;
        var column = 0;
        foreach (var property in plan.Output)
        {
            if (property.IsGeometry)
            {
                if (reader.Geometry is { } geometry)
                {
                    xml.WriteStartElement(FeatureType.Prefix, property.Name, FeatureType.Namespace);
                    GeometryWriter(plan).Write(xml, geometry, id + ".geom");
                    xml.WriteEndElement();
                }

                continue;
            }

            if (values[column++] is { } value)
            {
                xml.WriteElementString(FeatureType.Prefix, property.Name, FeatureType.Namespace, XsdValues.Format(value));
            }
        }

        xml.WriteEndElement();
        if (!info.Single)
        {
            xml.WriteEndElement();
        }

        return output!.FlushIfFullAsync();
    }

    private GmlGeometryWriter GeometryWriter(QueryPlan plan)
    {
        var key = plan.OutputCrs.OutputName + plan.OutputCrs.LatLon;
        if (!geometryWriters.TryGetValue(key, out var writer))
        {
            geometryWriters[key] = writer = new GmlGeometryWriter(gml, plan.OutputCrs.LatLon, plan.OutputCrs.System.Decimals,
                gml == GmlVersion.Gml2 ? plan.OutputCrs.System.Short : plan.OutputCrs.OutputName);
        }

        return writer;
    }

    public override async Task EndAsync()
    {
        Xml.WriteEndDocument();
        await output!.FlushAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (output is not null)
        {
            await output.DisposeAsync();
        }
    }
}
