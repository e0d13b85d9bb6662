using EnvGis.Core.Catalogue;

namespace EnvGis.Server.Api;

/// <summary>
/// The portal's settings: the data attribution, the optional street base map (ENVGIS_BASEMAP_URL) and
/// imagery (ENVGIS_IMAGERY_URL), the initial view and home extent [minLon, minLat, maxLon, maxLat], the citation rule.
/// </summary>
public sealed record PortalConfig(
    string Attribution, BaseMap? BaseMap, BaseMap? Imagery, InitialView InitialView, IReadOnlyList<double> HomeExtent, LocalizedText Citation);
