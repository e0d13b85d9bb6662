namespace EnvGis.Server.OpenData;

/// <summary>RFC 7807 refusals of the exchange API, each with a stable <c>code</c> (docs/open-data.md).</summary>
public static class OpenDataProblems
{
    public static IResult Problem(int status, string code, string detail, string? field = null) =>
        Api.CodedProblem.Of(status, code, detail, field);

    public static IResult Invalid(string code, string detail, string? field = null) => Problem(StatusCodes.Status400BadRequest, code, detail, field);
}
