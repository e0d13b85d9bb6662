using EnvGis.Ows.Crs;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Gml;

/// <summary>A geometry read from a request, in x/y order, with the CRS it was given in.</summary>
public sealed record GmlGeometry(Geometry Geometry, CrsReference Crs);
