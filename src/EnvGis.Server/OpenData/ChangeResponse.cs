using System.Text.Json.Nodes;

namespace EnvGis.Server.OpenData;

/// <summary>
/// One change of public data: its position in the feed, the layer and record, what happened as the public
/// sees it (insert, publish, update, delete, unpublish), when, the record's version, and the record as a
/// GeoJSON feature (WGS 84, public columns only): after the change, or the last public state for a delete
/// or an unpublication.
/// </summary>
public sealed record ChangeResponse(string Cursor, string Layer, long Id, string Kind, DateTimeOffset At, int Version, JsonObject Feature);
