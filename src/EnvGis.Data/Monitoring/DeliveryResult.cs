using EnvGis.Core.Monitoring;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// What became of one delivered file: <c>loaded</c> (every reading stored) or <c>rejected</c> (nothing
/// stored), the lines accepted, the problems (at most <see cref="DeliveryLimits.MaxProblemsListed"/>, with
/// their count), and for a loaded file how many stored values replaced earlier ones.
/// </summary>
public sealed record DeliveryResult(
    string File,
    string Status,
    long? DeliveryId,
    int AcceptedLines,
    int ProblemCount,
    IReadOnlyList<DeliveryProblem> Problems,
    int Stored,
    int Replaced,
    IReadOnlyList<string> Stations)
{
    public const string Loaded = "loaded";
    public const string Rejected = "rejected";

    public bool IsLoaded => Status == Loaded;
}
