using System.Text.Json;

namespace EnvGis.Data.Reports;

/// <summary>One facility's report of one type for one period, in its current state.</summary>
public sealed record Submission(
    long Id,
    long TypeId,
    string TypeCode,
    string Period,
    string FacilityLayer,
    long FacilityId,
    string Unit,
    string Status,
    IReadOnlyDictionary<string, JsonElement> Values,
    int Version,
    string CreatedBy,
    DateTime CreatedAt,
    string UpdatedBy,
    DateTime UpdatedAt,
    DateTime? SubmittedAt,
    DateTime? FirstSubmittedAt,
    DateTime? AcceptedAt);
