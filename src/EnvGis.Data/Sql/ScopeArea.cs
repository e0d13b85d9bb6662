using EnvGis.Core.Security;

namespace EnvGis.Data.Sql;

/// <summary>
/// The polygon of a spatial scope in SQL: the union of the scope's communes from the communes layer,
/// as an uncorrelated scalar subquery (PostgreSQL computes it once per statement).
/// </summary>
public static class ScopeArea
{
    /// <summary>A geometry expression; <paramref name="communesParameter"/> is a text[] of commune codes.</summary>
    public static string Sql(string communesParameter) =>
        $"(SELECT ST_Union(c.geom) FROM {SqlIdentifier.LayerTable(SpatialScopes.CommuneLayer)} AS c "
        + $"WHERE c.{SqlIdentifier.Quote(SpatialScopes.CommuneCodeAttribute)} = ANY({communesParameter}))";
}
