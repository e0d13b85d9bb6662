using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Ows.Gml;

namespace EnvGis.Ows.Wfs.DescribeFeatureType;

/// <summary>DescribeFeatureType: TYPENAME or TYPENAMES (KVP) or TypeName elements (XML); none means every visible type.</summary>
public static class DescribeFeatureTypeHandler
{
    public static async Task HandleAsync(OwsCall call)
    {
        List<string> names;
        string? format;
        if (call.Request.Body is { } body)
        {
            names = body.Elements().Where(e => e.Name.LocalName == "TypeName").Select(e => e.Value.Trim()).ToList();
            format = body.Attribute("outputFormat")?.Value;
        }
        else
        {
            names = call.Request.Parameters.Get("typenames", "typename") is { } list ? FeatureTypeResolver.SplitList(list) : [];
            format = call.Request.Parameters.Get("outputformat");
        }

        var types = names.Count == 0
            ? FeatureTypeResolver.Visible(call)
            : names.Select(n => FeatureTypeResolver.Resolve(call, n, "typeName")).DistinctBy(t => t.Name).ToList();
        var gml = SchemaGml(format, call.Version);
        await using var output = OwsXml.Start(call.Response, gml switch
        {
            GmlVersion.Gml32 => "application/gml+xml; version=3.2",
            GmlVersion.Gml31 => "text/xml; subtype=gml/3.1.1",
            _ => "text/xml",
        });
        FeatureSchemaWriter.Write(output.Writer, types, gml);
        await output.FlushAsync();
    }

    private static GmlVersion SchemaGml(string? format, string version)
    {
        if (format is null || format.Equals("XMLSCHEMA", StringComparison.OrdinalIgnoreCase))
        {
            return WfsVersions.DefaultGml(version);
        }

        var parsed = OutputFormat.Parse(format, version);
        return parsed.Gml ?? throw OwsException.Invalid("outputFormat", "DescribeFeatureType describes GML; JSON has no schema here.");
    }
}
