namespace EnvGis.Server.Api;

/// <summary>
/// An RFC 7807 refusal with a stable <c>code</c> (and the <c>field</c> at fault, when one is) that the
/// portal turns into words in the user's language; the one builder every area's refusals go through.
/// </summary>
public static class CodedProblem
{
    public static IResult Of(int status, string code, string detail, string? field = null)
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
            StatusCodes.Status413PayloadTooLarge => "Too large",
            _ => "Invalid request",
        };
        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }
}
