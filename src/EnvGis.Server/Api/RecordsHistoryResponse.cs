using System.Text.Json;
using EnvGis.Data.Records;

namespace EnvGis.Server.Api;

/// <summary>The history of one record, oldest first.</summary>
public sealed record RecordHistoryResponse(string Layer, long Id, string FeatureId, IReadOnlyList<RecordHistoryEntry> Entries)
{
    public static RecordHistoryResponse From(RecordDocument record, IReadOnlyList<HistoryEntry> entries) =>
        new(record.Layer, record.Id, record.FeatureId, entries.Select(RecordHistoryEntry.From).ToList());
}

/// <summary>
/// One change: the action (insert, update, delete, submit, approve, reject, publish, restore), the
/// version it produced, the status change, who, which unit, when, through which channel
/// (portal, api, wfs-t, system), and the full state before and after.
/// </summary>
public sealed record RecordHistoryEntry(
    long Id, string Action, int Version, string? FromStatus, string? ToStatus, string User, string? Unit, string Channel,
    string? Comment, DateTime At, RecordState? Before, RecordState? After)
{
    public static RecordHistoryEntry From(HistoryEntry e) => new(
        e.Id, e.Action, e.Version, e.FromStatus, e.ToStatus, e.UserName, e.UnitCode, e.Channel, e.Comment, e.At,
        RecordState.From(e.BeforeAttributes, e.BeforeGeometry), RecordState.From(e.AfterAttributes, e.AfterGeometry));
}

/// <summary>A record's state: every column but the geometry, and the geometry as GeoJSON.</summary>
public sealed record RecordState(JsonElement Properties, JsonElement Geometry)
{
    public static RecordState? From(string? properties, string? geometry) =>
        properties is null || geometry is null ? null : new RecordState(Parse(properties), Parse(geometry));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
