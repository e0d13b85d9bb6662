using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Records;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Core.Filters;
using EnvGis.Ows.Filters;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>
/// WFS-T Transaction for 1.0.0, 1.1.0 and 2.0.0, whatever version the capabilities advertised: the
/// actions run in order in one record transaction (all or nothing) through the same record store and
/// permission rules as the records API, each changed record leaving one history entry (channel
/// wfs-t). Only callers who authenticated on the request (HTTP Basic or a token) and may edit get
/// here; the response has the shape each version's clients read (docs/ogc-clients.md).
/// </summary>
public sealed class TransactionHandler(RecordStore records, OwsOptions options)
{
    /// <summary>The most features (inserted or replaced) one transaction may hold.</summary>
    public const int MaxFeatures = RecordWriter.MaxChanges;

    public async Task HandleAsync(OwsCall call)
    {
        if (call.Request.Body is not { } body)
        {
            throw new OwsException(OwsException.OperationNotSupported,
                "Transactions are accepted only as XML documents sent with POST (Content-Type text/xml or application/xml), not in KVP encoding.",
                "request");
        }

        // A web page can post text/plain or a form to another site, never XML: only XML is a transaction.
        if (!MediaTypeHeaderValue.TryParse(call.Http.Request.ContentType, out var type) || !type.MediaType.Value!.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            throw OwsException.Invalid("Content-Type", "A Transaction must be sent with an XML content type (text/xml or application/xml).");
        }

        if (options.WriteScope(call.Http) is not { } actor)
        {
            await RefuseAsync(call);
            return;
        }

        var request = TransactionReader.Read(body, call, MaxFeatures);
        var result = new TransactionResult();
        var locator = "Transaction";
        try
        {
            await using var writer = await records.BeginAsync(actor, RecordChannel.WfsT, call.Aborted);
            foreach (var action in request.Actions)
            {
                locator = action.Locator;
                await ExecuteAsync(writer, action, result, call.Aborted);
            }

            locator = "Transaction";
            await writer.CommitAsync(call.Aborted);
        }
        catch (RecordException e)
        {
            throw TransactionErrors.From(e, locator);
        }

        call.Response.Headers.CacheControl = "no-store";
        await using var output = OwsXml.Start(call.Response, "text/xml; charset=utf-8");
        TransactionResponseWriter.Write(output.Writer, request.Version, result);
        await output.FlushAsync();
    }

    private static async Task ExecuteAsync(RecordWriter writer, TransactionAction action, TransactionResult result, CancellationToken ct)
    {
        switch (action)
        {
            case InsertAction insert:
                foreach (var feature in insert.Features)
                {
                    var values = feature.Values;
                    if (values.Status is { } status && status != writer.Actor.Unit.NewRecordStatus)
                    {
                        throw RecordException.Invalid(
                            $"New records of unit '{writer.Actor.Unit.Code}' start as {writer.Actor.Unit.NewRecordStatus}; the status then changes only through the workflow, not to '{status}'.",
                            RecordMetadata.Status);
                    }

                    var geometry = values.Geometry ?? throw RecordException.Invalid($"A new {feature.Layer.Name} needs its geometry ({FeatureType.GeometryName}).");
                    var inserted = await writer.InsertAsync(feature.Layer, values.Values, geometry, insert.Handle, ct);
                    result.Inserted.Add((insert, FeatureType.Of(feature.Layer).FeatureId(inserted.Id)));
                }

                break;

            case UpdateAction update:
                foreach (var id in await SelectAsync(writer, update.Layer, update.Selection, ct))
                {
                    var type = FeatureType.Of(update.Layer);
                    var updated = await writer.UpdateAsync(update.Layer, id, Version(update.Selection, type, id), update.Values.Values,
                        update.Values.Geometry, update.Handle, ct, update.Values.Status);
                    result.Updated.Add((type.FeatureId(id), updated.Version));
                }

                break;

            case DeleteAction delete:
                foreach (var id in await SelectAsync(writer, delete.Layer, delete.Selection, ct))
                {
                    await writer.ChangeStatusAsync(delete.Layer, id, Version(delete.Selection, FeatureType.Of(delete.Layer), id), RecordAction.Archive, delete.Handle, ct);
                    result.Deleted++;
                }

                break;

            case ReplaceAction replace:
                var layer = replace.Feature.Layer;
                var replacement = replace.Feature.Values;
                if (replacement.Geometry is null)
                {
                    throw RecordException.Invalid($"The replacing {layer.Name} needs its geometry ({FeatureType.GeometryName}).");
                }

                foreach (var id in await SelectAsync(writer, layer, replace.Selection, ct))
                {
                    var type = FeatureType.Of(layer);
                    // The one replace rule (RecordWriter.ReplaceAsync): absent attributes empty, absent metadata kept.
                    var replaced = await writer.ReplaceAsync(layer, id, Version(replace.Selection, type, id), replacement.Values,
                        replacement.Geometry, replace.Handle, ct, replacement.Status);
                    result.Replaced.Add((type.FeatureId(id), replaced.Version));
                }

                break;
        }
    }

    /// <summary>The records the selection names; a filter of ids must find every one of them.</summary>
    private static async Task<IReadOnlyList<long>> SelectAsync(RecordWriter writer, LayerDefinition layer, FeatureSelection selection, CancellationToken ct)
    {
        var type = FeatureType.Of(layer);
        var ids = await writer.SelectAsync(layer, FesSql.Generate(type, selection.Filter), ct);
        if (selection.Ids is { } named)
        {
            var missing = named.Where(fid => !ids.Any(id => type.FeatureId(id) == fid)).ToList();
            if (missing.Count > 0)
            {
                throw RecordException.NotFound($"There is no {type.QualifiedName} feature {string.Join(", ", missing)} that you may read.");
            }
        }

        return ids;
    }

    private static int? Version(FeatureSelection selection, FeatureType type, long id) =>
        selection.Versions.TryGetValue(type.FeatureId(id), out var version) ? version : null;

    /// <summary>
    /// No write scope: anonymous callers are asked for credentials (401 with a Basic challenge);
    /// signed-in callers without the right, or with only a portal session, are refused (403).
    /// </summary>
    private static async Task RefuseAsync(OwsCall call)
    {
        var anonymous = call.Scope.IsAnonymous;
        var exception = anonymous
            ? new OwsException(OwsException.OperationProcessingFailed,
                "Editing over WFS-T needs an account: send the HTTP Basic credentials (or a bearer token) of an editor.", "Transaction", StatusCodes.Status401Unauthorized)
            : new OwsException(OwsException.OperationProcessingFailed,
                "This account may not edit over WFS-T (read-only, or signed in only through the portal: use HTTP Basic or a token).", "Transaction", StatusCodes.Status403Forbidden);
        if (anonymous)
        {
            call.Response.Headers.WWWAuthenticate = "Basic realm=\"EnvGis\", charset=\"UTF-8\"";
        }

        await ExceptionReportWriter.WriteAsync(call.Response, exception, call.Version switch
        {
            WfsVersions.V110 => ExceptionReportWriter.Flavor.Ows10,
            WfsVersions.V100 => ExceptionReportWriter.Flavor.ServiceExceptionReport,
            _ => ExceptionReportWriter.Flavor.Ows11,
        });
    }
}
