namespace EnvGis.Server.Monitoring;

/// <summary>A rejected line (line ≥ 1) or a reason about the whole file (line 0), with its code and the member of a zip it is in.</summary>
public sealed record DeliveryProblemResponse(int Line, string Code, string Reason, string? Entry);
