namespace EnvGis.Ows.Dispatch;

/// <summary>One row of a service's operation table: the operation name and its handler.</summary>
public sealed record OwsOperation(string Name, Func<OwsCall, Task> Handle);
