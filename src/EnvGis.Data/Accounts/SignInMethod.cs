namespace EnvGis.Data.Accounts;

/// <summary>How a caller proved who it is (envgis.sign_ins.method).</summary>
public enum SignInMethod
{
    /// <summary>The portal's sign-in form, then its session cookie.</summary>
    Password,

    /// <summary>HTTP Basic on each request (QGIS, GDAL, scripts).</summary>
    Basic,

    /// <summary>A bearer API token of a connection account.</summary>
    Bearer,
}
