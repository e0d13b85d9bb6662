using System.Xml;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Dispatch;

/// <summary>
/// The OGC exception documents: OWS 1.1 ExceptionReport (WFS 2.0, WMS-less default), OWS 1.0
/// ExceptionReport (WFS 1.1) and the OGC ServiceExceptionReport (WFS 1.0). The <c>ows:</c> prefix
/// is kept because GDAL looks for the literal text <c>&lt;ows:ExceptionReport</c>.
/// </summary>
public static class ExceptionReportWriter
{
    public enum Flavor
    {
        Ows11,
        Ows10,
        ServiceExceptionReport,
    }

    public static async Task WriteAsync(HttpResponse response, OwsException exception, Flavor flavor)
    {
        response.Headers.CacheControl = "no-store";
        await using var output = OwsXml.Start(response, "application/xml; charset=utf-8", exception.StatusCode);
        Write(output.Writer, exception, flavor);
        await output.FlushAsync();
    }

    public static void Write(XmlWriter xml, OwsException exception, Flavor flavor)
    {
        xml.WriteStartDocument();
        if (flavor == Flavor.ServiceExceptionReport)
        {
            xml.WriteStartElement("ServiceExceptionReport", OwsXml.Ogc);
            xml.WriteAttributeString("version", "1.2.0");
            xml.WriteStartElement("ServiceException", OwsXml.Ogc);
            xml.WriteAttributeString("code", exception.Code);
            if (exception.Locator is not null)
            {
                xml.WriteAttributeString("locator", exception.Locator);
            }

            xml.WriteString(exception.Message);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        else
        {
            var ns = flavor == Flavor.Ows11 ? OwsXml.Ows11 : OwsXml.Ows10;
            xml.WriteStartElement("ows", "ExceptionReport", ns);
            xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
            xml.WriteAttributeString("version", flavor == Flavor.Ows11 ? "2.0.0" : "1.0.0");
            if (flavor == Flavor.Ows11)
            {
                xml.WriteAttributeString("xml", "lang", null, "en");
            }
            else
            {
                xml.WriteAttributeString("language", "en");
            }

            xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, flavor == Flavor.Ows11
                ? $"{ns} {OwsXml.SchemasBase}ows/1.1.0/owsExceptionReport.xsd"
                : $"{ns} {OwsXml.SchemasBase}ows/1.0.0/owsExceptionReport.xsd");
            xml.WriteStartElement("ows", "Exception", ns);
            xml.WriteAttributeString("exceptionCode", exception.Code);
            if (exception.Locator is not null)
            {
                xml.WriteAttributeString("locator", exception.Locator);
            }

            xml.WriteElementString("ows", "ExceptionText", ns, exception.Message);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndDocument();
    }
}
