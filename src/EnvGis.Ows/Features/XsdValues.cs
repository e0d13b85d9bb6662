using System.Globalization;
using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.Features;

/// <summary>The XSD type of each attribute type and the lexical form of its values.</summary>
public static class XsdValues
{
    public static string TypeName(AttributeType type) => type switch
    {
        AttributeType.Text => "string",
        AttributeType.Integer => "int",
        AttributeType.Number => "double",
        AttributeType.Date => "date",
        AttributeType.DateTime => "dateTime",
        AttributeType.Boolean => "boolean",
        _ => "string",
    };

    public static string Format(object value) => value switch
    {
        string s => s,
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string FormatDouble(double d) =>
        double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : double.IsNaN(d) ? "NaN" : d > 0 ? "INF" : "-INF";
}
