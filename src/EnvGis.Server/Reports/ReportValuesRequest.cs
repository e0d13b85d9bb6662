using System.Text.Json;

namespace EnvGis.Server.Reports;

/// <summary>The form's values, replacing the previous ones, at the version the client last read.</summary>
public sealed record ReportValuesRequest(int? Version, JsonElement? Values);
