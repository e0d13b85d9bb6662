using System.Text.Json;

namespace EnvGis.Server.Reports;

/// <summary>Starts a report: its type's code, the period (e.g. 2025, 2025-Q3), the facility's record id, and optional first values.</summary>
public sealed record NewReportRequest(string? Type, string? Period, long? FacilityId, JsonElement? Values);
