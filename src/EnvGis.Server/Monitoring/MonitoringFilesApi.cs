using EnvGis.Core.Monitoring;
using EnvGis.Data.Monitoring;
using EnvGis.Server.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace EnvGis.Server.Monitoring;

/// <summary>
/// <c>POST /api/monitoring/files</c>: datalogger files (.txt, or .zip of them) in multipart parts named
/// <c>file</c>, by the administrator or an account of the station's owner unit (cookie with antiforgery,
/// HTTP Basic or a bearer token). Parts are streamed and counted: a part larger than the limit is
/// rejected unread. The files that pass their checks are loaded together in one transaction; each is
/// loaded whole or rejected whole, and the answer lists each (200 when all were loaded, 422 when any was rejected).
/// </summary>
public static class MonitoringFilesApi
{
    public const int MaxFiles = 100;

    /// <summary>The largest request: several files, or one oversized file that is answered rather than cut off.</summary>
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    public static void MapMonitoringFilesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/monitoring/files", UploadAsync).WithTags("Monitoring")
            .AddEndpointFilter(AllowLargeBodies)
            .AddEndpointFilter(new AntiforgeryFilter())
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = FilesBody();
                return Task.CompletedTask;
            })
            .WithSummary("Uploads datalogger files (multipart/form-data, parts named 'file': .txt or .zip); each file is loaded whole or rejected with its reasons.")
            .Produces<DeliveryResponse>()
            .Produces<DeliveryResponse>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>The body the endpoint reads itself (streamed, not bound): one or more file parts named <c>file</c>.</summary>
    private static OpenApiRequestBody FilesBody() => new()
    {
        Required = true,
        Description = $"One or more parts named 'file' (at most {MaxFiles}, {MaxBodyBytes / (1024 * 1024)} MB in all), each a datalogger .txt or a .zip of them.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            Description = "A datalogger file <station>_<yyyyMMddHHmmss>.txt or a .zip of them.",
                        },
                    },
                },
                Encoding = new Dictionary<string, OpenApiEncoding> { ["file"] = new() { ContentType = "text/plain, application/zip" } },
            },
        },
    };

    private static ValueTask<object?> AllowLargeBodies(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        context.HttpContext.Response.Headers.CacheControl = "private, no-store";
        return next(context);
    }

    private static async Task<IResult> UploadAsync(HttpContext context, DeliveryService deliveries)
    {
        if (context.GetCaller() is not { } caller)
        {
            return MonitoringProblems.NotSignedIn("upload datalogger files");
        }

        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return MonitoringProblems.Invalid("not-multipart", "Send the files as multipart/form-data, each in a part named 'file'.", "Content-Type");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var account = caller.Account;
        var actor = new DeliveryActor(account.UserName, account.Unit.Code, account.IsAdministrator, account.CanWrite, DeliveryActor.Http);
        // The parts are read first (bounded by the body limit), then the files that could be read are
        // processed together: one transaction for all of them (docs/monitoring.md "Over HTTP").
        var results = new List<DeliveryResult?>();
        var pending = new List<(int Index, DeliveryFile File)>();
        var ct = context.RequestAborted;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value != "file"
                    || disposition.FileName.Value is not { } rawName)
                {
                    return MonitoringProblems.Invalid("unexpected-part", "Every part must be a file in a part named 'file'.", "file");
                }

                if (results.Count >= MaxFiles)
                {
                    return MonitoringProblems.Invalid("too-many-files", $"At most {MaxFiles} files can be uploaded at once.", "file");
                }

                var name = Path.GetFileName(HeaderUtilities.RemoveQuotes(rawName).Value!.Replace('\\', '/'));
                var (content, size) = await ReadLimitedAsync(section.Body, DeliveryLimits.MaxFileBytes, ct);
                if (name.Length is 0 or > 200 || name.Any(char.IsControl))
                {
                    results.Add(new DeliveryResult(name.Length > 200 ? name[..200] : name, DeliveryResult.Rejected, null, 0, 1,
                        [new DeliveryProblem(DeliveryProblemCodes.BadFileName, "The file name is empty, too long or holds control characters.")], 0, 0, []));
                    continue;
                }

                if (content is null)
                {
                    results.Add(await deliveries.RejectTooLargeAsync(name, size, actor, ct));
                    continue;
                }

                pending.Add((results.Count, new DeliveryFile(name, [], content)));
                results.Add(null);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return MonitoringProblems.Invalid("invalid-multipart", "The multipart body could not be read.", "file");
        }

        if (results.Count == 0)
        {
            return MonitoringProblems.Invalid("no-file", "Send at least one file in a part named 'file'.", "file");
        }

        var processed = await deliveries.ProcessAsync(pending.Select(p => p.File).ToList(), actor, ct);
        for (var i = 0; i < pending.Count; i++)
        {
            results[pending[i].Index] = processed[i];
        }

        var response = new DeliveryResponse(results.Select(r => DeliveryFileResponse.From(r!)).ToList());
        return results.All(r => r!.IsLoaded) ? Results.Ok(response) : Results.UnprocessableEntity(response);
    }

    /// <summary>The part's bytes, or null (and the size read) when it is larger than <paramref name="limit"/>; the rest is drained, not kept.</summary>
    private static async Task<(byte[]? Content, long Size)> ReadLimitedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long size = 0;
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            size += read;
            if (size <= limit)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        return (size <= limit ? buffer.ToArray() : null, size);
    }

    private static IResult TooLarge() =>
        MonitoringProblems.Problem(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"An upload may be at most {MaxBodyBytes / (1024 * 1024)} MB.");
}
