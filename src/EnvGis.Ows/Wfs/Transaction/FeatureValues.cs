using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>
/// Property values read from a transaction, typed for the record store; the geometry (already in
/// x/y order, in the CRS it was given in) when given; and the status when the client sent it back.
/// </summary>
public sealed record FeatureValues(Dictionary<string, object?> Values, Geometry? Geometry, bool GeometryGiven, string? Status);
