namespace EnvGis.Data.Exchange;

/// <summary>
/// One change of public data taken from a history entry: what happened as the public sees it
/// (<see cref="FeedChangeKinds"/>), to which record, when, and the record's public state (its columns as
/// JSON text and its geometry as GeoJSON in WGS 84): after the change, or for a delete or an
/// unpublication the last state the public saw.
/// </summary>
public sealed record FeedChange(
    FeedCursor Position,
    string Layer,
    long RecordId,
    string Kind,
    DateTimeOffset At,
    int Version,
    string Attributes,
    string Geometry);
