using NetTopologySuite.Geometries;

namespace EnvGis.Data.Records;

/// <summary>A geometry ready to store: in EPSG:4326, of the layer's type, valid, within the writer's area; and the commune it lies in.</summary>
public sealed record PreparedGeometry(Geometry Geometry, string? CommuneCode);
