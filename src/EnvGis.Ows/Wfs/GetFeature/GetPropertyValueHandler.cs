using System.Globalization;
using EnvGis.Data.Features;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Ows.Gml;

namespace EnvGis.Ows.Wfs.GetFeature;

/// <summary>
/// GetPropertyValue (WFS 2.0): the values of one property (VALUEREFERENCE) of the features a query
/// selects, as wfs:ValueCollection/wfs:member; geometries as GML 3.2, records without a value skipped.
/// </summary>
public sealed class GetPropertyValueHandler(FeatureStore store, GetFeatureHandler features, StreamSlots slots)
{
    public async Task HandleAsync(OwsCall call)
    {
        if (call.Version != WfsVersions.V200)
        {
            throw new OwsException(OwsException.OperationNotSupported, "GetPropertyValue is a WFS 2.0 operation.", "request");
        }

        var request = call.Request.Body is { } body
            ? GetFeatureXml.Parse(body, call.Version, propertyValue: true)
            : GetFeatureKvp.Parse(call.Request.Parameters, call.Version, propertyValue: true);
        if (request.Format.IsJson || request.Format.Gml != GmlVersion.Gml32)
        {
            request = request with { Format = OutputFormat.Gml32 };
        }

        var plans = QueryPlanner.Plan(call, request);
        using var slot = slots.Enter(call.Http);
        var result = await features.PageAsync(call, request, plans);
        await using var output = OwsXml.Start(call.Response, "application/gml+xml; version=3.2; charset=utf-8");
        var xml = output.Writer;
        xml.WriteStartDocument();
        xml.WriteStartElement("wfs", "ValueCollection", WfsVersions.Wfs20Namespace);
        xml.WriteAttributeString("xmlns", "gml", null, GmlNamespaces.Gml32);
        xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        xml.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
        xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi,
            $"{WfsVersions.Wfs20Namespace} {OwsXml.SchemasBase}wfs/2.0/wfs.xsd {GmlNamespaces.Gml32} {OwsXml.SchemasBase}gml/3.2.1/gml.xsd");
        xml.WriteAttributeString("timeStamp", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("numberMatched", result.Matched.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("numberReturned", result.Returned.ToString(CultureInfo.InvariantCulture));
        if (result.Next is not null)
        {
            xml.WriteAttributeString("next", result.Next);
        }

        if (request.ResultType == ResultType.Results)
        {
            for (var i = 0; i < plans.Count; i++)
            {
                var (offset, limit) = result.Pages[i];
                if (limit == 0)
                {
                    continue;
                }

                var plan = plans[i];
                var property = plan.Output[0];
                var writer = new GmlGeometryWriter(GmlVersion.Gml32, plan.OutputCrs.LatLon, plan.OutputCrs.System.Decimals, plan.OutputCrs.OutputName);
                await using var reader = await store.OpenAsync(plan.Query with { Offset = offset, Limit = limit }, call.Aborted);
                while (await reader.ReadAsync(call.Aborted))
                {
                    xml.WriteStartElement("wfs", "member", WfsVersions.Wfs20Namespace);
                    if (property.IsGeometry && reader.Geometry is { } geometry)
                    {
                        writer.Write(xml, geometry, plan.Type.FeatureId(reader.Id) + ".geom");
                    }
                    else if (reader.Values.Count > 0 && reader.Values[0] is { } value)
                    {
                        xml.WriteString(XsdValues.Format(value));
                    }

                    xml.WriteEndElement();
                    await output.FlushIfFullAsync();
                }
            }
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
        await output.FlushAsync();
    }
}
