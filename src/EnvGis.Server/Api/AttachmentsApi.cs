using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Records;
using EnvGis.Data.Sql;
using EnvGis.Server.Attachments;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;
using Microsoft.AspNetCore.Http.Features;

namespace EnvGis.Server.Api;

/// <summary>
/// Documents attached to records. Listing and downloading follow the record's visibility (the same
/// <see cref="ReadScope"/> and <see cref="Visibility"/> rules as every read: anonymous callers only
/// for published, non-restricted records); uploading and deleting need the right to change the
/// record. Files are PDF, images or office files up to 20 MB, checked by extension and content.
/// </summary>
public static class AttachmentsApi
{
    public static void MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/layers/{layer}/records/{id:long}/attachments").WithTags("Attachments")
            .AddEndpointFilter(AllowLargeBodies)
            .AddEndpointFilter(new AntiforgeryFilter())
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/", ListAsync).WithSummary("The documents attached to a record the caller may read.")
            .Produces<AttachmentList>();
        api.MapGet("/{attachmentId:long}", DownloadAsync)
            .WithSummary("Downloads a document (Content-Disposition: attachment), if the caller may read its record.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        api.MapPost("/", UploadAsync)
            .WithSummary("Attaches a document (multipart/form-data, field 'file'): PDF, PNG, JPEG, TIFF, Word, Excel, PowerPoint or OpenDocument, at most 20 MB; the SHA-256 is returned.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<AttachmentInfo>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapDelete("/{attachmentId:long}", DeleteAsync)
            .WithSummary("Deletes a document (kept in the database and the audit log); editors of the record's unit within its scope.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>Uploads may be larger than the server's default body limit: raise it for this endpoint before anything reads the body.</summary>
    private static ValueTask<object?> AllowLargeBodies(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = AttachmentTypes.MaxBytes + 1024 * 1024;
        }

        return next(context);
    }

    private static async Task<IResult> ListAsync(string layer, long id, HttpContext context, CatalogueProvider catalogue, RecordStore records,
        AttachmentStore attachments)
    {
        if (await VisibleRecordAsync(context, catalogue, records, layer, id) is not { } found)
        {
            return UnknownRecord(layer, id);
        }

        var list = await attachments.ListAsync(found.Layer.Name, id, context.RequestAborted);
        var privileged = Privileged(context, found.Record);
        return Results.Ok(new AttachmentList(list.Select(a => AttachmentInfo.From(a, privileged)).ToList()));
    }

    private static async Task<IResult> DownloadAsync(string layer, long id, long attachmentId, HttpContext context, CatalogueProvider catalogue,
        RecordStore records, AttachmentStore attachments, AttachmentFiles files)
    {
        if (await VisibleRecordAsync(context, catalogue, records, layer, id) is not { } found)
        {
            return UnknownRecord(layer, id);
        }

        var attachment = await attachments.FindAsync(found.Layer.Name, id, attachmentId, context.RequestAborted);
        var path = attachment is null ? null : files.Resolve(attachment.StoredPath);
        if (attachment is null || !File.Exists(path))
        {
            return RecordsApiJson.Problem(RecordException.NotFound($"Record {layer}.{id} has no document {attachmentId}."));
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        headers.CacheControl = "private, no-store";
        headers["X-Checksum-SHA256"] = attachment.Sha256;
        return Results.File(path!, attachment.ContentType, attachment.FileName);
    }

    private static async Task<IResult> UploadAsync(string layer, long id, HttpContext context, CatalogueProvider catalogue, RecordStore records,
        AttachmentStore attachments, AttachmentFiles files)
    {
        if (context.GetCaller() is not { } caller)
        {
            return NotSignedIn();
        }

        if (catalogue.Current.Find(layer) is not { } definition || !caller.ReadScope.CanSee(definition))
        {
            return UnknownRecord(layer, id);
        }

        var request = context.Request;
        var ct = context.RequestAborted;
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return RecordsApiJson.Problem(RecordException.Invalid("Send the document as multipart/form-data in the field 'file'.", "Content-Type"));
        }

        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length is 0 or > 70)
        {
            // RFC 2046: a multipart body needs a boundary of 1 to 70 characters.
            return RecordsApiJson.Problem(RecordException.Invalid("The multipart/form-data content type needs a boundary parameter (1 to 70 characters).", "Content-Type"));
        }

        if (request.ContentLength > AttachmentTypes.MaxBytes + 64 * 1024)
        {
            return RecordsApiJson.Problem(TooLarge());
        }

        NewAttachment? stored = null;
        try
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                var tooLarge = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                    || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase));
                return RecordsApiJson.Problem(tooLarge
                    ? TooLarge()
                    : RecordException.Invalid("The multipart body could not be read.", "file"));
            }

            if (form.Files.GetFile("file") is not { } file || form.Files.Count != 1)
            {
                return RecordsApiJson.Problem(RecordException.Invalid("Send exactly one document, in the field 'file'.", "file"));
            }

            if (EnvGis.Core.Text.TextCheck.Problem(file.FileName) is { } badName)
            {
                return RecordsApiJson.Problem(new RecordException(RecordErrorKind.Invalid, $"The file name {badName}.", "file")
                {
                    Code = RecordErrorCodes.InvalidText,
                });
            }

            await using (var content = file.OpenReadStream())
            {
                stored = await files.SaveAsync(file.FileName, content, ct);
            }

            Attachment attachment;
            await using (var writer = await records.BeginAsync(caller.WriteScope, context.ApiChannel(), ct))
            {
                attachment = await attachments.AddAsync(writer, definition, id, stored, ct);
                await writer.CommitAsync(ct);
            }

            stored = null;
            var location = $"/api/layers/{Uri.EscapeDataString(layer)}/records/{id}/attachments/{attachment.Id}";
            return Results.Created(location, AttachmentInfo.From(attachment, privileged: true));
        }
        catch (RecordException e)
        {
            return RecordsApiJson.Problem(e);
        }
        finally
        {
            if (stored is not null)
            {
                files.Discard(stored.StoredPath);
            }
        }
    }

    private static async Task<IResult> DeleteAsync(string layer, long id, long attachmentId, HttpContext context, CatalogueProvider catalogue,
        RecordStore records, AttachmentStore attachments)
    {
        if (context.GetCaller() is not { } caller)
        {
            return NotSignedIn();
        }

        if (catalogue.Current.Find(layer) is not { } definition || !caller.ReadScope.CanSee(definition))
        {
            return UnknownRecord(layer, id);
        }

        var ct = context.RequestAborted;
        try
        {
            await using var writer = await records.BeginAsync(caller.WriteScope, context.ApiChannel(), ct);
            if (await attachments.DeleteAsync(writer, definition, id, attachmentId, ct) is null)
            {
                return RecordsApiJson.Problem(RecordException.NotFound($"Record {layer}.{id} has no document {attachmentId}."));
            }

            await writer.CommitAsync(ct);
            return Results.NoContent();
        }
        catch (RecordException e)
        {
            return RecordsApiJson.Problem(e);
        }
    }

    /// <summary>The record, when the caller may read it: the layer is open to it and the record passes the visibility predicate.</summary>
    private static async Task<(LayerDefinition Layer, RecordDocument Record)?> VisibleRecordAsync(HttpContext context, CatalogueProvider catalogue,
        RecordStore records, string layer, long id)
    {
        var scope = context.GetReadScope();
        if (catalogue.Current.Find(layer) is not { } definition || !scope.CanSee(definition))
        {
            return null;
        }

        return await records.ReadAsync(definition, id, scope, context.RequestAborted) is { } record ? (definition, record) : null;
    }

    private static bool Privileged(HttpContext context, RecordDocument record) =>
        context.GetCaller() is { } caller && (caller.Account.IsAdministrator || record.OwnerUnit == caller.Account.Unit.Code);

    private static RecordException TooLarge() =>
        new(RecordErrorKind.TooLarge, $"A document may be at most {AttachmentTypes.MaxBytes / (1024 * 1024)} MB.", "file");

    private static IResult NotSignedIn() =>
        RecordsApiJson.Problem(new RecordException(RecordErrorKind.Forbidden, "Sign in (portal) or send HTTP Basic or a bearer token to change documents."),
            StatusCodes.Status401Unauthorized);

    private static IResult UnknownRecord(string layer, long id) =>
        RecordsApiJson.Problem(RecordException.NotFound($"The layer '{layer}' has no record {id} that you may read."));
}
