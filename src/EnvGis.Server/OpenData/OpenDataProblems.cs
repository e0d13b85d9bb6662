namespace EnvGis.Server.OpenData;

/// <summary>RFC 7807 refusals of the exchange API, each with a stable <c>code</c> (docs/open-data.md).</summary>
public static class OpenDataProblems
{
    public static IResult Problem(int status, string code, string detail, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        var title = status switch
        {
            StatusCodes.Status401Unauthorized => "Not signed in",
            StatusCodes.Status403Forbidden => "Not allowed",
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status409Conflict => "Conflict",
            _ => "Invalid request",
        };
        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }

    public static IResult Invalid(string code, string detail, string? field = null) => Problem(StatusCodes.Status400BadRequest, code, detail, field);
}
