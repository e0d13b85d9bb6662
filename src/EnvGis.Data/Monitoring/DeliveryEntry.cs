namespace EnvGis.Data.Monitoring;

/// <summary>A datalogger text file inside a delivery (the delivery itself, or a member of its zip).</summary>
public sealed record DeliveryEntry(string Name, IReadOnlyList<string> Folders, byte[] Content);
