using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using Npgsql;

namespace EnvGis.Data.Sql;

/// <summary>
/// The record visibility rules in SQL. Every query over layer records gets its WHERE clause from here,
/// so the public never sees unpublished or restricted records, whatever the channel, and a unit sees
/// its own unpublished records only within its spatial scope (Art. 9.2).
/// </summary>
public static class Visibility
{
    public const string UnitParameter = "visibility_unit";
    public const string CommunesParameter = "visibility_communes";

    /// <summary>A layer is open to the caller when it is public, or the caller sees restricted data or was granted it.</summary>
    public static bool CanSee(this ReadScope scope, LayerDefinition layer) =>
        !layer.Restricted || scope.SeesRestricted || scope.GrantedLayers.Contains(layer.Name);

    /// <summary>
    /// A boolean SQL expression over the record alias; add <see cref="AddParameters"/> to the command.
    /// Archived (deleted) records are left out unless <paramref name="includeArchived"/>: every read channel
    /// (tiles, WMS, WFS, search, API lists) leaves them out; history, restore and reads by id keep them
    /// reachable for those who could see them before (docs/hardening.md).
    /// </summary>
    public static string Predicate(ReadScope scope, string alias, bool includeArchived = false)
    {
        var visible = Visible(scope, alias);
        return includeArchived
            ? visible
            : $"({alias}.{SqlIdentifier.Quote(RecordMetadata.Status)} <> '{RecordStatus.Archived}' AND {visible})";
    }

    private static string Visible(ReadScope scope, string alias)
    {
        var status = $"{alias}.{SqlIdentifier.Quote(RecordMetadata.Status)}";
        var restricted = $"{alias}.{SqlIdentifier.Quote(RecordMetadata.Restricted)}";
        var owner = $"{alias}.{SqlIdentifier.Quote(RecordMetadata.OwnerUnit)}";
        var published = $"{status} = '{RecordStatus.Published}'";
        var publicRecord = $"({published} AND NOT {restricted})";
        if (scope.SeesUnpublished && scope.SeesRestricted)
        {
            return "TRUE";
        }

        if (scope.UnitCode is null)
        {
            return scope.SeesUnpublished ? $"(NOT {restricted})" : publicRecord;
        }

        // A unit sees what is public plus what it owns, within its area.
        return scope.Area switch
        {
            null => publicRecord,
            { WholeCity: true } => $"({publicRecord} OR {owner} = @{UnitParameter})",
            _ => $"({publicRecord} OR ({owner} = @{UnitParameter} AND ST_CoveredBy({alias}.{SqlIdentifier.Quote(RecordMetadata.Geometry)}, "
                 + $"{ScopeArea.Sql($"@{CommunesParameter}")})))",
        };
    }

    public static void AddParameters(ReadScope scope, NpgsqlParameterCollection parameters)
    {
        if (scope.UnitCode is null || (scope.SeesUnpublished && scope.SeesRestricted) || scope.Area is null)
        {
            return;
        }

        parameters.AddWithValue(UnitParameter, scope.UnitCode);
        if (!scope.Area.WholeCity)
        {
            parameters.AddWithValue(CommunesParameter, scope.Area.Communes.ToArray());
        }
    }
}
