using System.Text.Json;
using EnvGis.Core.Records;

namespace EnvGis.Data.Records;

/// <summary>A record as read for the API: every column but the geometry as JSON, and the geometry as GeoJSON (EPSG:4326).</summary>
public sealed record RecordDocument(string Layer, long Id, JsonElement Columns, string GeoJson)
{
    public string FeatureId => $"{Layer}.{Id}";

    public int Version => Columns.GetProperty(RecordMetadata.Version).GetInt32();

    public string Status => Columns.GetProperty(RecordMetadata.Status).GetString()!;

    public string OwnerUnit => Columns.GetProperty(RecordMetadata.OwnerUnit).GetString()!;
}
