namespace EnvGis.Data.Monitoring;

/// <summary>
/// One delivered file as received: its name, the folders it came in (FTP drop folder: relative to the
/// inbox; a station's folder names the station), and its bytes.
/// </summary>
public sealed record DeliveryFile(string Name, IReadOnlyList<string> Folders, byte[] Content);
