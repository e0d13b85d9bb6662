using System.Globalization;
using EnvGis.Ows.Downloads;
using EnvGis.Ows.Metadata;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Csw;

/// <summary>
/// One catalogue record (a layer's metadata) seen as the queryable properties of CSW (docs/open-data.md
/// "CSW"): what constraints compare, search and sort.
/// </summary>
public sealed class CswRecord(LayerMetadata metadata)
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public LayerMetadata Metadata { get; } = metadata;

    public string Identifier => Metadata.Identifier;

    public string Title => Metadata.Layer.Title.Vi + " / " + Metadata.Layer.Title.En;

    public string Abstract => (Metadata.Layer.Abstract?.Vi ?? "") + "\n\n" + (Metadata.Layer.Abstract?.En ?? "");

    public IReadOnlyList<string> Subjects =>
        [.. Metadata.Category is { } c ? new[] { c.Title.Vi, c.Title.En, $"Điều 5 nhóm {c.Id}", $"Article 5 category {c.Id}" } : [], Metadata.Layer.Name];

    public string Modified => Metadata.Stamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public IReadOnlyList<string> Formats => DownloadFormats.All.Select(f => f.MediaType).ToList();

    public string Organisation => string.Join("; ", Metadata.Facts.Owners.Select(o => o.NameVi));

    /// <summary>The extent as a WGS 84 polygon (lon/lat), or null when the layer has no visible data.</summary>
    public Geometry? BoundingBox => Metadata.Facts.Extent is [var w, var s, var e, var n]
        ? Wgs84.ToGeometry(new Envelope(w, e, s, n))
        : null;

    public string AnyText => string.Join(" ", new[] { Identifier, Title, Abstract, Organisation }.Concat(Subjects));

    /// <summary>The value of a queryable for the filter evaluator; null for an unknown name (names are checked before).</summary>
    public object? Value(string property) => Local(property) switch
    {
        "anytext" => AnyText,
        "title" => Title,
        "abstract" or "description" => Abstract,
        "subject" or "keywords" => string.Join(", ", Subjects),
        "identifier" or "fileidentifier" => Identifier,
        "type" => "dataset",
        "modified" or "date" => Modified,
        "format" => string.Join(", ", Formats),
        "language" => "vie",
        "boundingbox" or "geom" => BoundingBox,
        "organisationname" or "creator" or "publisher" => Organisation,
        _ => null,
    };

    public static bool IsQueryable(string property) =>
        Local(property) is "anytext" or "title" or "abstract" or "description" or "subject" or "keywords" or "identifier" or "fileidentifier"
            or "type" or "modified" or "date" or "format" or "language" or "boundingbox" or "geom" or "organisationname" or "creator" or "publisher";

    public static bool IsSpatial(string property) => Local(property) is "boundingbox" or "geom";

    /// <summary>A property name without its prefix (dc:, dct:, csw:, apiso:, ows:) and in lower case.</summary>
    private static string Local(string property)
    {
        var colon = property.LastIndexOf(':');
        return (colon >= 0 ? property[(colon + 1)..] : property).Trim().ToLowerInvariant();
    }
}
