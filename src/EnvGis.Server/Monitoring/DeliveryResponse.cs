namespace EnvGis.Server.Monitoring;

/// <summary><c>POST /api/monitoring/files</c>: one answer per uploaded file, in order.</summary>
public sealed record DeliveryResponse(IReadOnlyList<DeliveryFileResponse> Files);
