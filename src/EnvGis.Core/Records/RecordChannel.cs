namespace EnvGis.Core.Records;

/// <summary>Through what a change came (envgis.record_history.channel).</summary>
public static class RecordChannel
{
    /// <summary>The map portal (a signed-in browser session).</summary>
    public const string Portal = "portal";

    /// <summary>The JSON API with HTTP Basic or a bearer token.</summary>
    public const string Api = "api";

    /// <summary>A WFS Transaction (QGIS, GDAL…).</summary>
    public const string WfsT = "wfs-t";

    /// <summary>OGC API – Features Part 4 (create, replace, update, delete items).</summary>
    public const string OgcApi = "ogcapi";

    /// <summary>Migrations, sample data and manual fixes.</summary>
    public const string System = "system";
}
