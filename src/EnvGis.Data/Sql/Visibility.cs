using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using Npgsql;

namespace EnvGis.Data.Sql;

/// <summary>
/// The record visibility rules in SQL. Every query over layer records gets its WHERE clause from here,
/// so the public never sees unpublished or restricted records, whatever the channel.
/// </summary>
public static class Visibility
{
    public const string UnitParameter = "visibility_unit";

    public static bool CanSee(this ReadScope scope, LayerDefinition layer) => !layer.Restricted || scope.SeesRestricted;

    /// <summary>A boolean SQL expression over the record alias; add <see cref="AddParameters"/> to the command.</summary>
    public static string Predicate(ReadScope scope, string alias)
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

        // A unit sees what is public plus everything it owns.
        return $"({publicRecord} OR {owner} = @{UnitParameter})";
    }

    public static void AddParameters(ReadScope scope, NpgsqlParameterCollection parameters)
    {
        if (scope.UnitCode is not null && !(scope.SeesUnpublished && scope.SeesRestricted))
        {
            parameters.AddWithValue(UnitParameter, scope.UnitCode);
        }
    }
}
