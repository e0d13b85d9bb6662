using System.Text.RegularExpressions;
using EnvGis.Core.Records;

namespace EnvGis.Core.Catalogue;

/// <summary>
/// The naming rules of layers and attributes added at run time (docs/catalogue.md "Names"). A name is
/// a table or column, a WFS type or property, an XML element, a URL segment and a tile property, so it is
/// lower_snake_case, short enough for PostgreSQL's derived index names, and not a name the system uses.
/// PostgreSQL's own reserved words are checked in the database (pg_get_keywords).
/// </summary>
public static partial class CatalogueNames
{
    /// <summary>Longest layer name: "&lt;layer&gt;_hidden_geom_idx" must stay within PostgreSQL's 63 bytes.</summary>
    public const int MaxLayerName = 40;

    public const int MaxAttributeName = 50;

    /// <summary>Names readers see next to attributes without being one: metadata, the geometry, filter and tile properties.</summary>
    private static readonly HashSet<string> ReservedAttributes = new(StringComparer.Ordinal)
    {
        RecordMetadata.Id, RecordMetadata.Geometry, RecordMetadata.OwnerUnit, RecordMetadata.CommuneCode, RecordMetadata.Status,
        RecordMetadata.Restricted, RecordMetadata.ValidFrom, RecordMetadata.ValidTo, RecordMetadata.Source, RecordMetadata.Citation,
        RecordMetadata.CreatedBy, RecordMetadata.CreatedAt, RecordMetadata.UpdatedBy, RecordMetadata.UpdatedAt, RecordMetadata.Version,
        PublicColumns.ValidityPeriod, "geometry", "the_geom", "bbox", "fid", "point_count", "generalised",
    };

    /// <summary>Names of things beside the layers under the same paths (the monitoring EDR collection).</summary>
    private static readonly HashSet<string> ReservedLayers = new(StringComparer.Ordinal) { "monitoring", "collections", "layers", "style" };

    /// <summary>Why <paramref name="name"/> cannot name a new layer (code, message), or null.</summary>
    public static (string Code, string Message)? LayerProblem(string? name) =>
        Problem(name, MaxLayerName, "layer") ?? (ReservedLayers.Contains(name!)
            ? ("reserved-name", $"'{name}' is a name the system uses for something else; choose another.")
            : null);

    /// <summary>Why <paramref name="name"/> cannot name a new attribute (code, message), or null.</summary>
    public static (string Code, string Message)? AttributeProblem(string? name) =>
        Problem(name, MaxAttributeName, "attribute") ?? (ReservedAttributes.Contains(name!)
            ? ("reserved-name", $"'{name}' is a record metadata or system name every layer has; choose another.")
            : null);

    private static (string Code, string Message)? Problem(string? name, int maxLength, string what)
    {
        if (string.IsNullOrEmpty(name) || name.Length > maxLength || !SnakeCase().IsMatch(name))
        {
            return ("invalid-name", $"A {what} name is lower_snake_case: a lower-case letter, then lower-case letters, digits "
                                    + $"and single underscores, at most {maxLength} characters (e.g. noise_sources).");
        }

        // XML reserves names starting with "xml" in any case; the name is also an XML element (WFS).
        return name.StartsWith("xml", StringComparison.Ordinal)
            ? ("reserved-name", "Names starting with 'xml' are reserved by XML (the name is a WFS element).")
            : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
