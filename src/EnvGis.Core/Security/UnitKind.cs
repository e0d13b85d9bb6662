namespace EnvGis.Core.Security;

/// <summary>The kinds of units of Art. 1–2 (envgis.units.kind).</summary>
public enum UnitKind
{
    /// <summary>Sở Nông nghiệp và Môi trường: runs the system.</summary>
    Department,

    /// <summary>Other city departments (sở, ban, ngành).</summary>
    CityDepartment,

    /// <summary>Ban Quản lý khu kinh tế.</summary>
    EconomicZoneAuthority,

    /// <summary>A commune-level People's Committee (xã, phường, đặc khu).</summary>
    Commune,

    /// <summary>An enterprise or organisation reporting on its own activity.</summary>
    Enterprise,

    /// <summary>A connected agency or system (e.g. the Ministry).</summary>
    Client,
}
