using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Dispatch;

/// <summary>Common namespaces and the streaming XML writer of a response body.</summary>
public static class OwsXml
{
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Xlink = "http://www.w3.org/1999/xlink";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";
    public const string Ows11 = "http://www.opengis.net/ows/1.1";
    public const string Ows10 = "http://www.opengis.net/ows";
    public const string Ogc = "http://www.opengis.net/ogc";
    public const string SchemasBase = "http://schemas.opengis.net/";

    public static XmlWriterSettings WriterSettings { get; } = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CloseOutput = false,
        CheckCharacters = true,
    };

    /// <summary>Sets status and content type, then returns a streaming writer over the response body.</summary>
    public static XmlResponse Start(HttpResponse response, string contentType, int status = StatusCodes.Status200OK)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        return new XmlResponse(response.Body, WriterSettings, response.HttpContext.RequestAborted);
    }
}
