using System.Text.Json;
using EnvGis.Core.Filters;
using EnvGis.Core.Records;
using EnvGis.Ows.OgcApi.Html;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.OgcApi.Common;

/// <summary>
/// Every refusal of the OGC API in one form: an RFC 7807 problem (application/problem+json) carrying
/// the OGC API exception's <c>code</c>, the <c>detail</c> and the <c>parameter</c> at fault; browsers
/// get the same as a small HTML page. Never a stack trace.
/// </summary>
public static class OgcApiProblem
{
    public static OgcApiException From(Exception e) => e switch
    {
        OgcApiException o => o,
        FilterException f => new OgcApiException(StatusCodes.Status400BadRequest, f.Code, f.Message, f.Locator == FilterException.DefaultLocator ? "filter" : f.Locator),
        RecordException r => r.Kind switch
        {
            RecordErrorKind.Forbidden => new OgcApiException(StatusCodes.Status403Forbidden, r.Code ?? "forbidden", r.Message, r.Field),
            RecordErrorKind.NotFound => new OgcApiException(StatusCodes.Status404NotFound, "not-found", r.Message, r.Field),
            // The version named in If-Match is not the record's: a failed precondition (OGC API Part 4, RFC 7232).
            RecordErrorKind.Conflict when r.Code == RecordErrorCodes.StaleVersion => new OgcApiException(StatusCodes.Status412PreconditionFailed, r.Code, r.Message, "If-Match"),
            RecordErrorKind.Conflict => new OgcApiException(StatusCodes.Status409Conflict, r.Code ?? "conflict", r.Message, r.Field),
            RecordErrorKind.TooLarge => new OgcApiException(StatusCodes.Status413PayloadTooLarge, "too-large", r.Message, r.Field),
            _ => new OgcApiException(StatusCodes.Status400BadRequest, r.Code ?? "invalid-value", r.Message, r.Field),
        },
        _ => throw new ArgumentException("Not a refusal.", nameof(e)),
    };

    public static async Task WriteAsync(HttpContext http, OgcApiException e, OgcApiFormat format)
    {
        var response = http.Response;
        response.StatusCode = e.Status;
        response.Headers.CacheControl = "no-store";
        if (format == OgcApiFormat.Html)
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(ErrorPage.Render(e, http.Request.Query["lang"] == "en" ? "en" : "vi"), http.RequestAborted);
            return;
        }

        response.ContentType = MediaTypes.Problem + "; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.BodyWriter, OgcApiResponses.WriterOptions);
        json.WriteStartObject();
        json.WriteString("type", "about:blank");
        json.WriteString("title", Title(e.Status));
        json.WriteNumber("status", e.Status);
        json.WriteString("detail", e.Message);
        json.WriteString("code", e.Code);
        if (e.Parameter is not null)
        {
            json.WriteString("parameter", e.Parameter);
        }

        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    public static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Not signed in",
        403 => "Not allowed",
        404 => "Not found",
        406 => "Not acceptable",
        409 => "Conflict",
        412 => "Precondition failed",
        413 => "Too large",
        415 => "Unsupported media type",
        428 => "Precondition required",
        503 => "Service unavailable",
        _ => "Error",
    };
}
