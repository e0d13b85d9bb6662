namespace EnvGis.Core.Monitoring;

/// <summary>Why (part of) a delivery was refused: a stable code, a message, and where (file entry, line; 0 for the whole file).</summary>
public sealed record DeliveryProblem(string Code, string Message, string? Entry = null, int Line = 0);
