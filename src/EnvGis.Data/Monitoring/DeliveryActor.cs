namespace EnvGis.Data.Monitoring;

/// <summary>
/// Who delivers a file: an account (HTTP) or the drop folder (FTP, trusted: the FTP server's accounts and
/// folders say who may put what where). Accounts deliver for the stations of their own unit; the
/// administrator for every station.
/// </summary>
public sealed record DeliveryActor(string UserName, string? UnitCode, bool IsAdministrator, bool MayWrite, string Channel)
{
    public const string Http = "http";
    public const string Ftp = "ftp";

    public static DeliveryActor DropFolder { get; } = new("ftp-inbox", null, false, true, Ftp);

    public bool MayDeliverFor(Station station) =>
        IsAdministrator || Channel == Ftp || (MayWrite && UnitCode is not null && UnitCode == station.OwnerUnit);
}
