using EnvGis.Data.Monitoring;

namespace EnvGis.Server.Monitoring;

/// <summary>The answer for one uploaded file: <c>loaded</c> (all stored) or <c>rejected</c> (nothing stored) and why.</summary>
public sealed record DeliveryFileResponse(
    string File,
    string Status,
    int AcceptedLines,
    int Stored,
    int Replaced,
    IReadOnlyList<string> Stations,
    int RejectedLineCount,
    IReadOnlyList<DeliveryProblemResponse> RejectedLines)
{
    public static DeliveryFileResponse From(DeliveryResult result) => new(
        result.File, result.Status, result.AcceptedLines, result.Stored, result.Replaced, result.Stations, result.ProblemCount,
        result.Problems.Select(p => new DeliveryProblemResponse(p.Line, p.Code, p.Message, p.Entry == result.File ? null : p.Entry)).ToList());
}
