using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;

namespace EnvGis.Ows.Features;

/// <summary>
/// A layer seen as a WFS feature type <c>envgis:&lt;layer&gt;</c>: its attributes, then the public
/// record metadata, then the geometry <c>geom</c>; ids are <c>&lt;layer&gt;.&lt;id&gt;</c>.
/// </summary>
public sealed class FeatureType
{
    public const string Prefix = "envgis";
    public const string Namespace = "https://envgis.haiphong.gov.vn/wfs";
    public const string GeometryName = RecordMetadata.Geometry;

    private FeatureType(LayerDefinition layer)
    {
        Layer = layer;
        var properties = PublicColumns.Of(layer)
            .Select(c => new FeatureProperty(c.Name, c.Type, c.Required, c.Kind == ColumnKind.Attribute ? PropertyKind.Attribute : PropertyKind.Metadata))
            .Append(new FeatureProperty(GeometryName, AttributeType.Text, false, PropertyKind.Geometry))
            .ToList();
        Properties = properties;
        Geometry = properties[^1];
    }

    public LayerDefinition Layer { get; }

    public string Name => Layer.Name;

    public string QualifiedName => $"{Prefix}:{Layer.Name}";

    public IReadOnlyList<FeatureProperty> Properties { get; }

    public FeatureProperty Geometry { get; }

    public IEnumerable<FeatureProperty> Values => Properties.Where(p => !p.IsGeometry);

    public static FeatureType Of(LayerDefinition layer) => new(layer);

    /// <summary>The feature id of a record: <c>&lt;layer&gt;.&lt;id&gt;</c>.</summary>
    public string FeatureId(long id) => $"{Layer.Name}.{id}";

    /// <summary>
    /// The property a name refers to: <c>name</c>, <c>envgis:name</c> (any prefix) or the simple XPath
    /// <c>envgis:layer/envgis:name</c>; null when the catalogue has no such property.
    /// </summary>
    public FeatureProperty? Find(string reference)
    {
        var path = reference.Trim().Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path.Length == 0 || path.Length > 2)
        {
            return null;
        }

        if (path.Length == 2 && LocalName(path[0]) != Layer.Name)
        {
            return null;
        }

        var local = LocalName(path[^1]);
        return Properties.FirstOrDefault(p => string.Equals(p.Name, local, StringComparison.Ordinal));
    }

    /// <summary>The local part of a possibly prefixed or Clark-notation name.</summary>
    public static string LocalName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith('{') && trimmed.IndexOf('}') is > 0 and var close)
        {
            return trimmed[(close + 1)..];
        }

        var colon = trimmed.LastIndexOf(':');
        return colon >= 0 ? trimmed[(colon + 1)..] : trimmed;
    }
}
