using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Records;
using EnvGis.Data.Sql;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;
using NetTopologySuite.Geometries;

namespace EnvGis.Server.Api;

/// <summary>
/// The JSON API for layer records: GeoJSON features (EPSG:4326) that the caller may read, and
/// create, update, delete (archive), the workflow actions, restore, and the history. Every write
/// names the version it was based on (a stale one is 409) and goes through the same record store
/// and permission rules as WFS-T.
/// </summary>
public static class RecordsApi
{
    public static void MapRecordsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/layers/{layer}/records").WithTags("Records")
            .AddEndpointFilter(new AntiforgeryFilter())
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/", ListAsync).WithSummary("The records of a layer the caller may read, by id (paged).")
            .Produces<RecordFeatureCollection>(StatusCodes.Status200OK, RecordsApiJson.ContentType);
        api.MapGet("/{id:long}", GetAsync).WithSummary("One record; its version is in properties.version and the ETag.")
            .Produces<RecordFeature>(StatusCodes.Status200OK, RecordsApiJson.ContentType);
        api.MapPost("/", CreateAsync).WithSummary("Creates a record in the caller's unit (draft or submitted per the unit's setting).")
            .Accepts<RecordInput>(RecordsApiJson.ContentType, "application/json")
            .Produces<RecordFeature>(StatusCodes.Status201Created, RecordsApiJson.ContentType).WritesProblems();
        api.MapPut("/{id:long}", (HttpContext c, string layer, long id, CatalogueProvider k, RecordStore s) => UpdateAsync(c, layer, id, k, s, replace: true))
            .WithSummary("Replaces a record's attributes (absent ones become empty; absent metadata such as restricted is kept) and geometry; properties.version is required. An approved or published record goes back to approval.")
            .Accepts<RecordInput>(RecordsApiJson.ContentType, "application/json")
            .Produces<RecordFeature>(StatusCodes.Status200OK, RecordsApiJson.ContentType).WritesProblems();
        api.MapPatch("/{id:long}", (HttpContext c, string layer, long id, CatalogueProvider k, RecordStore s) => UpdateAsync(c, layer, id, k, s, replace: false))
            .WithSummary("Changes the given attributes and/or the geometry; properties.version is required. An approved or published record goes back to approval.")
            .Accepts<RecordInput>(RecordsApiJson.ContentType, "application/json")
            .Produces<RecordFeature>(StatusCodes.Status200OK, RecordsApiJson.ContentType).WritesProblems();
        api.MapDelete("/{id:long}", DeleteAsync)
            .WithSummary("Deletes (archives) a record; it can be restored. The version goes in If-Match or ?version=.")
            .Produces<RecordFeature>(StatusCodes.Status200OK, RecordsApiJson.ContentType).WritesProblems();
        foreach (var action in RecordActions.StatusChanges)
        {
            api.MapPost($"/{{id:long}}/{action.Name()}", (HttpContext c, string layer, long id, CatalogueProvider k, RecordStore s) =>
                    ActAsync(c, layer, id, k, s, action))
                .WithSummary(action switch
                {
                    RecordAction.Submit => "Submits a draft or rejected record for approval.",
                    RecordAction.Approve => "Approves a submitted record (the owner unit's approver; city units may self-approve).",
                    RecordAction.Reject => "Rejects a submitted record.",
                    _ => "Publishes an approved record: it is public at once (tiles, WMS, WFS, API).",
                })
                .Accepts<WorkflowRequest>("application/json")
                .Produces<RecordFeature>(StatusCodes.Status200OK, RecordsApiJson.ContentType).WritesProblems();
        }

        api.MapPost("/{id:long}/restore", RestoreAsync)
            .WithSummary("Restores the state after a history entry (historyId), or by default the state before the last delete.")
            .Accepts<RestoreRequest>("application/json")
            .Produces<RecordFeature>(StatusCodes.Status200OK, RecordsApiJson.ContentType).WritesProblems();
        api.MapGet("/{id:long}/effects", EffectsAsync)
            .WithSummary("What a change and a restore (of historyId, or by default of the state before the last delete) would do to the record's status, "
                         + "so a client can say so before the click: approved or published records go back to approval, and restored content is approved again.")
            .Produces<RecordEffects>().ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/{id:long}/history", HistoryAsync)
            .WithSummary("Every change of the record: who, which unit, when, through which channel, and the full state before and after.")
            .Produces<RecordHistoryResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static RouteHandlerBuilder WritesProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> ListAsync(string layer, string? status, int? limit, long? offset, HttpContext context,
        CatalogueProvider catalogue, RecordStore store)
    {
        var scope = context.GetReadScope();
        if (Find(catalogue, layer, scope) is not { } definition)
        {
            return UnknownLayer(layer);
        }

        if (status is not null && !RecordStatus.All.Contains(status))
        {
            return RecordsApiJson.Problem(RecordException.Invalid($"Unknown status '{status}'; use one of {string.Join(", ", RecordStatus.All)}.", "status"));
        }

        // A page larger than the largest is the largest; a page of nothing or before the start is a mistake.
        if (limit < 1 || offset < 0)
        {
            return RecordsApiJson.Problem(RecordException.Invalid("limit must be 1 or more (pages hold at most "
                + $"{RecordStore.MaxPageSize}) and offset 0 or more.", limit < 1 ? "limit" : "offset"));
        }

        var records = await store.ListAsync(definition, scope, status, limit ?? 100, offset ?? 0, context.RequestAborted);
        return RecordsApiJson.Collection(definition, records, Privileged(context));
    }

    private static async Task<IResult> GetAsync(string layer, long id, HttpContext context, CatalogueProvider catalogue, RecordStore store)
    {
        var scope = context.GetReadScope();
        if (Find(catalogue, layer, scope) is not { } definition)
        {
            return UnknownLayer(layer);
        }

        return await store.ReadAsync(definition, id, scope, context.RequestAborted) is { } record
            ? RecordsApiJson.Feature(definition, record, Privileged(context))
            : UnknownRecord(layer, id);
    }

    private static Task<IResult> CreateAsync(string layer, HttpContext context, CatalogueProvider catalogue, RecordStore store) =>
        WriteAsync(context, layer, catalogue, store, async (definition, body, writer, ct) =>
        {
            var (values, geometry, _) = RecordsApiJson.ReadFeature(definition, body, requireGeometry: true);
            var result = await writer.InsertAsync(definition, values, geometry!, Comment(body), ct);
            return (result, StatusCodes.Status201Created);
        });

    private static Task<IResult> UpdateAsync(HttpContext context, string layer, long id, CatalogueProvider catalogue, RecordStore store, bool replace) =>
        WriteAsync(context, layer, catalogue, store, async (definition, body, writer, ct) =>
        {
            var (values, geometry, version) = RecordsApiJson.ReadFeature(definition, body, requireGeometry: replace);
            var result = replace
                ? await writer.ReplaceAsync(definition, id, Version(context, version), values, geometry!, Comment(body), ct)
                : await writer.UpdateAsync(definition, id, Version(context, version), values, geometry, Comment(body), ct);
            return (result, StatusCodes.Status200OK);
        });

    private static Task<IResult> DeleteAsync(string layer, long id, int? version, HttpContext context, CatalogueProvider catalogue, RecordStore store) =>
        WriteAsync(context, layer, catalogue, store, async (definition, _, writer, ct) =>
            (await writer.ChangeStatusAsync(definition, id, Version(context, version), RecordAction.Archive, null, ct), StatusCodes.Status200OK),
            readsBody: false);

    private static Task<IResult> ActAsync(HttpContext context, string layer, long id, CatalogueProvider catalogue, RecordStore store, RecordAction action) =>
        WriteAsync(context, layer, catalogue, store, async (definition, body, writer, ct) =>
            (await writer.ChangeStatusAsync(definition, id, Version(context, RecordsApiJson.Int(body, "version")), action, Comment(body), ct),
                StatusCodes.Status200OK));

    private static Task<IResult> RestoreAsync(string layer, long id, HttpContext context, CatalogueProvider catalogue, RecordStore store) =>
        WriteAsync(context, layer, catalogue, store, async (definition, body, writer, ct) =>
        {
            var historyId = body.TryGetProperty("historyId", out var h) && h.ValueKind == JsonValueKind.Number && h.TryGetInt64(out var entry)
                ? entry
                : h.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                    ? (long?)null
                    : throw RecordException.Invalid("historyId must be the id of a history entry.", "historyId");
            var version = Version(context, RecordsApiJson.Int(body, "version"));
            return (await writer.RestoreAsync(definition, id, version, historyId, Comment(body), ct), StatusCodes.Status200OK);
        });

    private static async Task<IResult> HistoryAsync(string layer, long id, HttpContext context, CatalogueProvider catalogue, RecordStore store)
    {
        if (context.GetCaller() is not { } caller)
        {
            return RecordsApiJson.Problem(new RecordException(RecordErrorKind.Forbidden, "Sign in to read the history of records."), StatusCodes.Status401Unauthorized);
        }

        if (Find(catalogue, layer, caller.ReadScope) is not { } definition
            || await store.ReadAsync(definition, id, caller.ReadScope, context.RequestAborted) is not { } record)
        {
            return UnknownRecord(layer, id);
        }

        if (!caller.Account.IsAdministrator && record.OwnerUnit != caller.Account.Unit.Code)
        {
            return RecordsApiJson.Problem(RecordException.Forbidden($"The history of {record.FeatureId} is kept for its unit '{record.OwnerUnit}' and the administrator."));
        }

        return Results.Ok(RecordHistoryResponse.From(record, await store.HistoryAsync(definition, id, context.RequestAborted)));
    }

    private static async Task<IResult> EffectsAsync(string layer, long id, long? historyId, HttpContext context, CatalogueProvider catalogue,
        RecordStore store)
    {
        if (context.GetCaller() is not { } caller)
        {
            return RecordsApiJson.Problem(new RecordException(RecordErrorKind.Forbidden, "Sign in to change records."), StatusCodes.Status401Unauthorized);
        }

        if (Find(catalogue, layer, caller.ReadScope) is not { } definition
            || await store.ReadAsync(definition, id, caller.ReadScope, context.RequestAborted) is not { } record)
        {
            return UnknownRecord(layer, id);
        }

        var history = RecordHistoryResponse.From(record, await store.HistoryAsync(definition, id, context.RequestAborted));
        var entry = historyId is { } wanted
            ? history.Entries.FirstOrDefault(e => e.Id == wanted)
            : history.Entries.LastOrDefault(e => e.Action == RecordAction.Archive.Name()) is { } deleted
                ? history.Entries.LastOrDefault(e => e.Id < deleted.Id && e.OnRestore is not null)
                : null;
        if (historyId is not null && entry?.OnRestore is null)
        {
            return RecordsApiJson.Problem(RecordException.NotFound($"Record {record.FeatureId} has no history entry {historyId} to restore."));
        }

        return Results.Ok(new RecordEffects(record.FeatureId, record.Status, history.OnChange, entry?.Id, entry?.OnRestore));
    }

    /// <summary>The frame of every write: a signed-in writer, a known layer, the JSON body, one transaction, the result as a feature.</summary>
    private static async Task<IResult> WriteAsync(HttpContext context, string layer, CatalogueProvider catalogue, RecordStore store,
        Func<LayerDefinition, JsonElement, RecordWriter, CancellationToken, Task<(RecordResult Result, int Status)>> write, bool readsBody = true)
    {
        if (context.GetCaller() is not { } caller)
        {
            return RecordsApiJson.Problem(new RecordException(RecordErrorKind.Forbidden, "Sign in (portal) or send HTTP Basic or a bearer token to change records."),
                StatusCodes.Status401Unauthorized);
        }

        if (Find(catalogue, layer, caller.ReadScope) is not { } definition)
        {
            return UnknownLayer(layer);
        }

        var ct = context.RequestAborted;
        try
        {
            using var body = readsBody ? await RecordsApiJson.ReadBodyAsync(context) : null;
            RecordResult result;
            int status;
            await using (var writer = await store.BeginAsync(caller.WriteScope, context.ApiChannel(), ct))
            {
                (result, status) = await write(definition, body?.RootElement ?? default, writer, ct);
                await writer.CommitAsync(ct);
            }

            var record = await store.ReadAsync(definition, result.Id, caller.ReadScope, ct);
            return record is null
                ? Results.StatusCode(status)
                : RecordsApiJson.Feature(definition, record, Privileged(context), status);
        }
        catch (RecordException e)
        {
            return RecordsApiJson.Problem(e);
        }
    }

    /// <summary>The base version: the request's, else If-Match; writes without one are refused.</summary>
    private static int Version(HttpContext context, int? given)
    {
        if (given is { } version)
        {
            return version;
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.StartsWith("W/", StringComparison.Ordinal))
        {
            ifMatch = ifMatch[2..];
        }

        return int.TryParse(ifMatch.Trim('"'), out var fromHeader)
            ? fromHeader
            : throw RecordException.Invalid("Give the version your change is based on (properties.version, \"version\", ?version= or If-Match).", "version");
    }

    private static string? Comment(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;

    /// <summary>Owner-unit members and the administrator see a record's internal metadata (owner, who and when).</summary>
    private static Func<RecordDocument, bool> Privileged(HttpContext context) =>
        context.GetCaller() is { } caller
            ? record => caller.Account.IsAdministrator || record.OwnerUnit == caller.Account.Unit.Code
            : _ => false;

    private static LayerDefinition? Find(CatalogueProvider catalogue, string layer, ReadScope scope) =>
        catalogue.Current.Find(layer) is { } definition && scope.CanSee(definition) ? definition : null;

    private static IResult UnknownLayer(string layer) =>
        RecordsApiJson.Problem(RecordException.NotFound($"There is no layer named '{layer}' that you may read."));

    private static IResult UnknownRecord(string layer, long id) =>
        RecordsApiJson.Problem(RecordException.NotFound($"The layer '{layer}' has no record {id} that you may read."));
}

/// <summary>A record to create or change: a GeoJSON feature whose properties are attributes, editable metadata and (for changes) version.</summary>
public sealed record RecordInput(string? Type, JsonElement? Geometry, Dictionary<string, JsonElement>? Properties, string? Comment);

/// <summary>A workflow action: the version it is based on and an optional comment.</summary>
public sealed record WorkflowRequest(int Version, string? Comment);

/// <summary>A restore: the version it is based on, the history entry whose resulting state comes back (default: before the last delete).</summary>
public sealed record RestoreRequest(int Version, long? HistoryId, string? Comment);

/// <summary>What changing the record, and restoring <c>RestoreEntry</c>, would do to its status.</summary>
public sealed record RecordEffects(string FeatureId, string Status, RecordEffect OnChange, long? RestoreEntry, RecordEffect? OnRestore);

/// <summary>A record as GeoJSON: id <c>layer.id</c>, attributes and metadata (version, status…) in properties.</summary>
public sealed record RecordFeature(string Type, string Id, JsonElement Geometry, Dictionary<string, JsonElement> Properties);

public sealed record RecordFeatureCollection(string Type, IReadOnlyList<RecordFeature> Features);
