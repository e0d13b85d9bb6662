using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnvGis.Ows.Dispatch;

/// <summary>
/// The one OGC entry point (/ows, and /wfs, /wms with SERVICE implied): parses SERVICE, REQUEST and
/// VERSION once from KVP or the XML body, negotiates the version, looks the operation up in the
/// service's table and runs it; failures become the service's own exception document.
/// </summary>
public sealed class OwsDispatcher(IEnumerable<IOwsService> services, OwsOptions options, ILogger<OwsDispatcher> logger)
{
    /// <summary>The most parameters, and the longest parameter name, of a form-encoded request.</summary>
    public const int MaxFormFields = 100;
    public const int MaxFormKeyLength = 100;

    private readonly Dictionary<string, IOwsService> byName =
        services.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public async Task DispatchAsync(HttpContext context, string? impliedService)
    {
        IOwsService? service = impliedService is null ? null : byName.GetValueOrDefault(impliedService);
        string? version = null;
        try
        {
            var request = await ReadAsync(context, impliedService);
            var serviceName = impliedService ?? request.Service
                ?? throw OwsException.Missing("service");
            service = byName.GetValueOrDefault(serviceName)
                ?? throw OwsException.Invalid("service", $"The service '{serviceName}' is not offered here; use one of: {string.Join(", ", byName.Keys)}.");
            version = request.Version is { } v && service.Versions.Contains(v) ? v : null;
            if (!service.Operations.TryGetValue(request.Operation, out var operation))
            {
                throw new OwsException(OwsException.OperationNotSupported,
                    $"The operation '{request.Operation}' is not supported by {service.Name}; supported: {string.Join(", ", service.Operations.Keys)}.",
                    "request");
            }

            version = Negotiate(service, request, operation.Name);
            var call = new OwsCall(context, request, version, ServiceUrl.Of(context.Request),
                options.ReadScope(context), options.Catalogue(context));
            await operation.Handle(call);
        }
        catch (OwsException e)
        {
            await FailAsync(context, service, e, version);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState == "XX000")
        {
            // Data exceptions (bad coordinates for a transformation, out-of-range values) and PostGIS
            // geometry errors come from the request's values: report them as such, without internals.
            logger.LogInformation("OGC request refused by the database: {State} {Message}", e.SqlState, e.MessageText);
            await FailAsync(context, service, new OwsException(OwsException.InvalidParameterValue,
                "A value of the request could not be processed (for example a geometry that cannot be transformed)."), version);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away or the request timed out: a timeout still gets an answer if it can.
            await FailAsync(context, service, new OwsException(OwsException.NoApplicableCode,
                "The request took too long and was cancelled.", status: StatusCodes.Status503ServiceUnavailable), version);
        }
        catch (NpgsqlException e)
        {
            logger.LogError(e, "OGC request failed in the database");
            await FailAsync(context, service, new OwsException(OwsException.NoApplicableCode,
                "The database could not answer this request; try again later.", status: StatusCodes.Status503ServiceUnavailable), version);
        }
    }

    private static string Negotiate(IOwsService service, OwsRequest request, string operation)
    {
        if (string.Equals(operation, "GetCapabilities", StringComparison.OrdinalIgnoreCase))
        {
            if (request.AcceptVersions is { Count: > 0 } accepted)
            {
                return accepted.FirstOrDefault(service.Versions.Contains)
                    ?? throw new OwsException(OwsException.VersionNegotiationFailed,
                        $"None of the versions {string.Join(", ", accepted)} is supported; supported: {string.Join(", ", service.Versions)}.",
                        "AcceptVersions");
            }

            if (request.Version is { } asked && !service.Versions.Contains(asked))
            {
                // OWS 1.0 style negotiation: the highest version lower than the one asked for, else the lowest.
                return service.Versions.FirstOrDefault(v => CompareVersions(v, asked) < 0) ?? service.Versions[^1];
            }

            return request.Version ?? service.Versions[0];
        }

        if (request.Version is null)
        {
            return service.Versions[0];
        }

        return service.Versions.Contains(request.Version)
            ? request.Version
            : throw OwsException.Invalid("version",
                $"Version '{request.Version}' is not supported; supported: {string.Join(", ", service.Versions)}.");
    }

    private static int CompareVersions(string a, string b) =>
        Version.TryParse(a, out var x) && Version.TryParse(b, out var y) ? x.CompareTo(y) : string.CompareOrdinal(a, b);

    private async Task<OwsRequest> ReadAsync(HttpContext context, string? impliedService)
    {
        var http = context.Request;
        var query = KeyValueParameters.From(http.Query);
        if (HttpMethods.IsGet(http.Method) || HttpMethods.IsHead(http.Method))
        {
            return FromKvp(query);
        }

        var body = await ReadBodyAsync(context);
        if (http.HasFormContentType)
        {
            var form = ReadForm(body);
            return FromKvp(new KeyValueParameters(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.FirstOrDefault() ?? ""))
                .Concat(query.All)));
        }

        if (body.Length == 0)
        {
            return FromKvp(query);
        }

        var root = SafeXml.Parse(body, "request");
        return new OwsRequest(
            Attribute(root, "service") ?? impliedService,
            root.Name.LocalName,
            Attribute(root, "version"),
            AcceptVersionsOf(root),
            query,
            root);
    }

    private async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        var http = context.Request;
        var limit = options.MaxBodyBytes;
        if (http.ContentLength > limit)
        {
            throw new OwsException(OwsException.InvalidParameterValue,
                $"The request body is larger than {limit / (1024 * 1024)} MB.", "request", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await http.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new OwsException(OwsException.InvalidParameterValue,
                        $"The request body is larger than {limit / (1024 * 1024)} MB.", "request", StatusCodes.Status413PayloadTooLarge);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            throw new OwsException(OwsException.InvalidParameterValue, "The request body could not be read.", "request",
                e.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        return buffer.ToArray();
    }

    /// <summary>A form-encoded KVP request: few, short names (OGC requests have a few dozen parameters); values up to the body limit.</summary>
    private Dictionary<string, Microsoft.Extensions.Primitives.StringValues> ReadForm(byte[] body)
    {
        try
        {
            return new FormReader(new MemoryStream(body))
            {
                ValueCountLimit = MaxFormFields,
                KeyLengthLimit = MaxFormKeyLength,
                ValueLengthLimit = (int)Math.Min(options.MaxBodyBytes, int.MaxValue),
            }.ReadForm();
        }
        catch (InvalidDataException)
        {
            throw OwsException.Invalid("request",
                $"The form-encoded request is not acceptable: at most {MaxFormFields} parameters with names of at most {MaxFormKeyLength} characters.");
        }
    }

    private static OwsRequest FromKvp(KeyValueParameters kvp)
    {
        // No OGC parameter needs control characters; refusing them here keeps them out of SQL values and names.
        foreach (var (key, value) in kvp.All)
        {
            if ((EnvGis.Core.Text.TextCheck.Problem(key) ?? EnvGis.Core.Text.TextCheck.Problem(value)) is { } why)
            {
                throw OwsException.Invalid(key, $"The parameter {key} {why}.");
            }
        }

        var operation = kvp.Get("request") ?? throw OwsException.Missing("request");
        var accept = kvp.Get("acceptversions")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new OwsRequest(kvp.Get("service"), operation, kvp.Get("version"), accept, kvp, null);
    }

    private static string? Attribute(XElement element, string name) =>
        element.Attribute(name)?.Value is { Length: > 0 } value ? value.Trim() : null;

    private static List<string>? AcceptVersionsOf(XElement root)
    {
        var versions = root.Elements().FirstOrDefault(e => e.Name.LocalName == "AcceptVersions");
        return versions?.Elements().Where(e => e.Name.LocalName == "Version").Select(e => e.Value.Trim()).ToList();
    }

    private async Task FailAsync(HttpContext context, IOwsService? service, OwsException exception, string? version)
    {
        if (context.Response.HasStarted)
        {
            logger.LogWarning("OGC response aborted after it started: {Code} {Message}", exception.Code, exception.Message);
            context.Abort();
            return;
        }

        try
        {
            context.Response.Clear();
            if (exception.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (service is null)
            {
                await ExceptionReportWriter.WriteAsync(context.Response, exception, ExceptionReportWriter.Flavor.Ows11);
            }
            else
            {
                await service.WriteExceptionAsync(context, exception, version);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client is gone; nobody is left to read the report.
            logger.LogDebug(e, "Could not send the exception report");
        }
    }
}
