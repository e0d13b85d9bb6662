namespace EnvGis.Server.Monitoring;

/// <summary>The drop folder (docs/monitoring.md "FTP drop folder"): <c>&lt;data dir&gt;/monitoring/inbox</c>, <c>processed</c> and <c>rejected</c>.</summary>
public sealed record MonitoringFolders(string Root)
{
    public string Inbox => Path.Combine(Root, "inbox");

    public string Processed => Path.Combine(Root, "processed");

    public string Rejected => Path.Combine(Root, "rejected");

    public static MonitoringFolders In(string dataDirectory) => new(Path.Combine(dataDirectory, "monitoring"));

    public void Create()
    {
        Directory.CreateDirectory(Inbox);
        Directory.CreateDirectory(Processed);
        Directory.CreateDirectory(Rejected);
    }
}
