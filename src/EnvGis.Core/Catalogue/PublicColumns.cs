using System.Runtime.CompilerServices;
using EnvGis.Core.Records;

namespace EnvGis.Core.Catalogue;

/// <summary>
/// The one list of a layer's public columns, in order: its attributes, then the public record
/// metadata (status, valid_from, valid_to, source, citation). Tiles, WFS, WMS, the OGC API, the
/// records API and filters all read it from here; the geometry and the internal metadata (owner,
/// who and when, version) are not in it.
/// </summary>
public static class PublicColumns
{
    /// <summary>The virtual property naming a record's validity period [valid_from, valid_to] in filters.</summary>
    public const string ValidityPeriod = "validity";

    private static readonly ConditionalWeakTable<LayerDefinition, IReadOnlyList<PublicColumn>> Cache = new();

    public static IReadOnlyList<PublicColumn> Of(LayerDefinition layer) =>
        Cache.GetValue(layer, static l => l.Attributes
            .Select(a => new PublicColumn(a.Name, a.Type, a.Required, ColumnKind.Attribute) { Attribute = a })
            .Concat(RecordMetadata.Public.Select(m => new PublicColumn(m, MetadataType(m), m == RecordMetadata.Status, ColumnKind.Metadata)))
            .ToList());

    /// <summary>The public column of that name, or null.</summary>
    public static PublicColumn? Find(LayerDefinition layer, string name) =>
        Of(layer).FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>The type of a public metadata column: the validity bounds are dates, the rest text.</summary>
    public static AttributeType MetadataType(string name) =>
        name is RecordMetadata.ValidFrom or RecordMetadata.ValidTo ? AttributeType.Date : AttributeType.Text;
}
