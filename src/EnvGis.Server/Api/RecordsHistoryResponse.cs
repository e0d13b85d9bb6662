using System.Text.Json;
using EnvGis.Core.Records;
using EnvGis.Data.Records;

namespace EnvGis.Server.Api;

/// <summary>The history of one record, oldest first, with what a change or a restore would do to its status (docs/hardening.md).</summary>
public sealed record RecordHistoryResponse(string Layer, long Id, string FeatureId, string Status, RecordEffect OnChange,
    IReadOnlyList<RecordHistoryEntry> Entries)
{
    public static RecordHistoryResponse From(RecordDocument record, IReadOnlyList<HistoryEntry> entries)
    {
        var status = record.Status;
        return new(record.Layer, record.Id, record.FeatureId, status, RecordEffect.Of(status, Workflow.AfterChange(status)),
            entries.Select(e => RecordHistoryEntry.From(e, status)).ToList());
    }
}

/// <summary>
/// What an action does to a record's status: the status it gets, and whether the record leaves the
/// public map (it was published and will not be until approved and published again).
/// </summary>
public sealed record RecordEffect(string Status, bool LeavesPublicMap)
{
    public static RecordEffect Of(string current, string next) =>
        new(next, Workflow.IsPublic(current) && !Workflow.IsPublic(next));
}

/// <summary>
/// One change: the action (insert, update, delete, submit, approve, reject, publish, restore), the
/// version it produced, the status change, who, which unit, when, through which channel
/// (portal, api, wfs-t, system), and the full state before and after.
/// </summary>
public sealed record RecordHistoryEntry(
    long Id, string Action, int Version, string? FromStatus, string? ToStatus, string User, string? Unit, string Channel,
    string? Comment, DateTime At, RecordState? Before, RecordState? After, RecordEffect? OnRestore)
{
    /// <param name="currentStatus">The record's status now, which decides (with the entry's) what restoring the entry does.</param>
    public static RecordHistoryEntry From(HistoryEntry e, string currentStatus)
    {
        var after = RecordState.From(e.AfterAttributes, e.AfterGeometry);
        var restoredStatus = after?.Properties.TryGetProperty(RecordMetadata.Status, out var s) == true ? s.GetString() : null;
        return new(e.Id, e.Action, e.Version, e.FromStatus, e.ToStatus, e.UserName, e.UnitCode, e.Channel, e.Comment, e.At,
            RecordState.From(e.BeforeAttributes, e.BeforeGeometry), after,
            restoredStatus is null ? null : RecordEffect.Of(currentStatus, Workflow.AfterRestore(restoredStatus, currentStatus)));
    }
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
