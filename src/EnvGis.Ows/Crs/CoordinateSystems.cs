namespace EnvGis.Ows.Crs;

/// <summary>The CRSs every layer is offered in: WGS 84 first (the storage CRS), then the others.</summary>
public static class CoordinateSystems
{
    public static CoordinateSystem Wgs84 { get; } = new(4326, true, "WGS 84");

    public static IReadOnlyList<CoordinateSystem> All { get; } =
    [
        Wgs84,
        new(3857, false, "WGS 84 / Pseudo-Mercator"),
        new(4756, true, "VN-2000"),
        new(3405, false, "VN-2000 / UTM zone 48N"),
        new(9209, false, "VN-2000 / TM-3 105-30"),
        new(9210, false, "VN-2000 / TM-3 105-45"),
    ];

    public static CoordinateSystem? Find(int srid) => All.FirstOrDefault(c => c.Srid == srid);
}
