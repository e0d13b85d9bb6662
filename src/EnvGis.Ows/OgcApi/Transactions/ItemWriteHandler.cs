using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Records;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Items;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.OgcApi.Transactions;

/// <summary>
/// OGC API – Features Part 4 on /collections/{layer}/items[/{id}]: POST creates, PUT replaces, PATCH
/// updates (JSON Merge Patch), DELETE archives. Every write goes through <see cref="RecordWriter"/>
/// (channel <c>ogcapi</c>): the same permissions, scopes, workflow and history as the records API and
/// WFS-T. Writes need HTTP Basic or a bearer token (never the portal's cookie); changes need If-Match
/// with the feature's ETag (missing: 428; not current: 412). A refused write changes nothing.
/// </summary>
public sealed class ItemWriteHandler(RecordStore records, OwsOptions ows, OgcApiOptions options, ItemHandler items)
{
    public async Task CreateAsync(OgcApiContext context, string name)
    {
        var layer = context.Layer(name);
        var actor = Actor(context);
        context.AllowParameters(new HashSet<string>());
        var body = await FeatureBody.ReadAsync(context.Http, layer, options.MaxBodyBytes, patch: false);
        if (body.Geometry is null)
        {
            throw OgcApiException.Invalid("geometry", "A new feature needs its geometry.", "invalid-geometry");
        }

        if (body.Status is { } status && status != actor.Unit.NewRecordStatus)
        {
            throw OgcApiException.Invalid(RecordMetadata.Status,
                $"New features of unit '{actor.Unit.Code}' start as {actor.Unit.NewRecordStatus}; the status then changes only through the workflow.");
        }

        var result = await WriteAsync(context, actor, (writer, ct) => writer.InsertAsync(layer, body.Values, body.Geometry, null, ct));
        var location = $"{context.BaseUrl}/collections/{layer.Name}/items/{result.Id}";
        context.Response.Headers.Location = location;
        context.Response.Headers.ETag = ETags.Of(result.Version);
        await RespondAsync(context, layer, result, StatusCodes.Status201Created);
    }

    public async Task ReplaceAsync(OgcApiContext context, string name, string featureId)
    {
        var layer = context.Layer(name);
        var actor = Actor(context);
        context.AllowParameters(new HashSet<string>());
        var version = IfMatch(context);
        var id = ItemHandler.ParseId(layer, featureId);
        var body = await FeatureBody.ReadAsync(context.Http, layer, options.MaxBodyBytes, patch: false);
        if (body.Geometry is null)
        {
            throw OgcApiException.Invalid("geometry", "A replacing feature needs its geometry.", "invalid-geometry");
        }

        // What the feature shows and the replacement leaves out becomes empty (the restricted flag is not shown, so it stays).
        var values = new Dictionary<string, object?>(body.Values, StringComparer.Ordinal);
        foreach (var column in PublicColumns.Of(layer).Where(c => c.Name != RecordMetadata.Status && !values.ContainsKey(c.Name)))
        {
            values[column.Name] = null;
        }

        RecordResult result;
        try
        {
            result = await WriteAsync(context, actor, (writer, ct) => writer.UpdateAsync(layer, id, version, values, body.Geometry, null, ct, body.Status));
        }
        catch (RecordException e) when (e.Kind == RecordErrorKind.NotFound)
        {
            // If-Match on a feature that does not exist: nothing is created (Part 4 /req/create-replace-delete/put-rid-exception).
            throw new OgcApiException(StatusCodes.Status412PreconditionFailed, "not-found", e.Message, "If-Match");
        }

        context.Response.Headers.ETag = ETags.Of(result.Version);
        await RespondAsync(context, layer, result, StatusCodes.Status200OK);
    }

    public async Task UpdateAsync(OgcApiContext context, string name, string featureId)
    {
        var layer = context.Layer(name);
        var actor = Actor(context);
        context.AllowParameters(new HashSet<string>());
        var version = IfMatch(context);
        var id = ItemHandler.ParseId(layer, featureId);
        var body = await FeatureBody.ReadAsync(context.Http, layer, options.MaxBodyBytes, patch: true);
        var result = await WriteAsync(context, actor, (writer, ct) => writer.UpdateAsync(layer, id, version, body.Values, body.Geometry, null, ct, body.Status));
        context.Response.Headers.ETag = ETags.Of(result.Version);
        await RespondAsync(context, layer, result, StatusCodes.Status200OK);
    }

    public async Task DeleteAsync(OgcApiContext context, string name, string featureId)
    {
        var layer = context.Layer(name);
        var actor = Actor(context);
        context.AllowParameters(new HashSet<string>());
        var version = IfMatch(context);
        var id = ItemHandler.ParseId(layer, featureId);
        await WriteAsync(context, actor, (writer, ct) => writer.ChangeStatusAsync(layer, id, version, RecordAction.Archive, null, ct));
        context.Response.Headers.CacheControl = "no-store";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>OPTIONS (Part 4 /req/create-replace-delete/options-op): the methods this caller may use on the resource.</summary>
    public void Options(OgcApiContext context, string name, bool item)
    {
        context.Layer(name);
        var writes = ows.WriteScope(context.Http) is { } actor && actor.CanWrite;
        var methods = item ? (writes ? "GET, HEAD, PUT, PATCH, DELETE, OPTIONS" : "GET, HEAD, OPTIONS")
                           : (writes ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS");
        context.Response.Headers.Allow = methods;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>
    /// The caller's write scope: only for callers who authenticated on the request (Basic or a token),
    /// as for WFS-T. Anonymous callers are asked for credentials (401); others are refused (403).
    /// </summary>
    private WriteScope Actor(OgcApiContext context)
    {
        if (ows.WriteScope(context.Http) is { } actor)
        {
            return actor;
        }

        if (context.Scope.IsAnonymous)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"EnvGis\", charset=\"UTF-8\"";
            throw new OgcApiException(StatusCodes.Status401Unauthorized, "sign-in-required",
                "Changing features needs an account: send the HTTP Basic credentials (or a bearer token) of an editor.");
        }

        throw new OgcApiException(StatusCodes.Status403Forbidden, "forbidden",
            "This account may not change features through the OGC API (read-only, or signed in only through the portal: use HTTP Basic or a token).");
    }

    private static int? IfMatch(OgcApiContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        return string.IsNullOrWhiteSpace(header)
            ? throw new OgcApiException(StatusCodes.Status428PreconditionRequired, "if-match-required",
                "Send If-Match with the ETag of the feature your change is based on (GET the feature to learn it).", "If-Match")
            : ETags.Parse(header);
    }

    private async Task<RecordResult> WriteAsync(OgcApiContext context, WriteScope actor, Func<RecordWriter, CancellationToken, Task<RecordResult>> write)
    {
        var ct = context.Aborted;
        await using var writer = await records.BeginAsync(actor, RecordChannel.OgcApi, ct);
        var result = await write(writer, ct);
        await writer.CommitAsync(ct);
        return result;
    }

    /// <summary>The written feature as the caller now sees it (it may no longer see it: then no body).</summary>
    private async Task RespondAsync(OgcApiContext context, LayerDefinition layer, RecordResult result, int status)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.StatusCode = status;
        await items.WriteWrittenAsync(context, layer, result.Id, status);
    }
}
