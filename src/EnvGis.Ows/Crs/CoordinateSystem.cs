namespace EnvGis.Ows.Crs;

/// <summary>A CRS EnvGis serves: its EPSG code, whether it is geographic (EPSG axis order north, east) and its name.</summary>
public sealed record CoordinateSystem(int Srid, bool Geographic, string Name)
{
    public string Urn => $"urn:ogc:def:crs:EPSG::{Srid}";

    public string Short => $"EPSG:{Srid}";

    /// <summary>Decimals written for coordinates: ~0.1 mm either way.</summary>
    public int Decimals => Geographic ? 9 : 4;
}
