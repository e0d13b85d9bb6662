using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Core.Records;
using EnvGis.Core.Values;
using NpgsqlTypes;

namespace EnvGis.Data.Filters;

/// <summary>
/// Temporal relations in SQL, from the one definition in <see cref="TemporalRelations"/>. Each operand
/// becomes two ends: the validity period is [valid_from, valid_to] with a missing bound open
/// (−∞/+∞); a date or datetime property is an instant; an interval's property ends are open when
/// null. When either side is made of days (a date column, the validity period, a DATE literal) the
/// relation is one of local days and instants are read as the day they fall on in Việt Nam time;
/// otherwise instants compare as instants (docs/filters.md).
/// </summary>
internal static class TemporalSql
{
    private const string LocalDay = " AT TIME ZONE INTERVAL '+07:00')::date";

    public static string Relation(TemporalNode node, FilterSql sql)
    {
        TemporalOperands.Check(node);
        var a = Ends(node.Left, sql);
        var b = Ends(node.Right, sql);
        var days = a.Any(e => e.Days) || b.Any(e => e.Days);
        // An instant's two ends are one End: its literal becomes one parameter.
        var written = new Dictionary<(End, bool), string>();
        string Write(End end, bool start)
        {
            var key = (end, start && (end.OpenWhenNull || end == End.Open));
            return written.TryGetValue(key, out var text) ? text : written[key] = Sql(end, days, start, sql);
        }
        var ends = new Dictionary<Endpoint, string>
        {
            [Endpoint.A1] = Write(a[0], true),
            [Endpoint.A2] = Write(a[1], false),
            [Endpoint.B1] = Write(b[0], true),
            [Endpoint.B2] = Write(b[1], false),
        };
        var alternatives = TemporalRelations.Of(node.Operator)
            .Select(all => string.Join(" AND ", all.Select(c => $"{ends[c.Left]} {Op(c.Operator)} {ends[c.Right]}")))
            .ToList();
        return alternatives.Count == 1 ? $"({alternatives[0]})" : "(" + string.Join(" OR ", alternatives.Select(x => $"({x})")) + ")";
    }

    /// <summary>One end of an operand before it is written: a column (open when null or not), a literal, or unbounded.</summary>
    private sealed record End(string? Column, bool OpenWhenNull, object? Literal, bool Days)
    {
        public static End Open { get; } = new(null, false, null, false);
    }

    private static End[] Ends(Expression e, FilterSql sql) => e switch
    {
        PropertyReference p when sql.IsValidity(p) =>
        [
            new End(FilterSql.Column(RecordMetadata.ValidFrom), true, null, true),
            new End(FilterSql.Column(RecordMetadata.ValidTo), true, null, true),
        ],
        IntervalExpression interval => [Bound(interval.Start, sql), Bound(interval.End, sql)],
        PropertyReference or DateLiteral or TimestampLiteral => Twice(Instant(e, sql, openWhenNull: false)),
        _ => throw new FilterException("A temporal function compares dates, timestamps, intervals, date/datetime properties or the validity period."),
    };

    private static End[] Twice(End instant) => [instant, instant];

    private static End Bound(Expression e, FilterSql sql) => e is OpenBound ? End.Open : Instant(e, sql, openWhenNull: true);

    private static End Instant(Expression e, FilterSql sql, bool openWhenNull) => e switch
    {
        PropertyReference p => sql.Value(p) switch
        {
            { Type: AttributeType.Date } column => new End(FilterSql.Column(column.Name), openWhenNull, null, true),
            { Type: AttributeType.DateTime } column => new End(FilterSql.Column(column.Name), openWhenNull, null, false),
            var column => throw new FilterException($"'{column.Name}' is {column.Type.Name()}; a temporal function needs a date or datetime property."),
        },
        DateLiteral d => new End(null, false, d.Value, true),
        TimestampLiteral t => new End(null, false, t.Value, false),
        _ => throw new FilterException("An interval's ends are dates, timestamps, '..' or date/datetime properties."),
    };

    private static string Sql(End end, bool days, bool start, FilterSql sql)
    {
        var infinity = start ? "'-infinity'" : "'infinity'";
        var type = days ? "::date" : "::timestamptz";
        if (end.Column is null && end.Literal is null)
        {
            return infinity + type;
        }

        if (end.Column is { } column)
        {
            var value = days && !end.Days ? "(" + column + LocalDay : column;
            return end.OpenWhenNull ? $"coalesce({value}, {infinity}{type})" : value;
        }

        return end.Literal switch
        {
            DateOnly d when days => sql.Parameter(d, NpgsqlDbType.Date),
            DateTimeOffset t when days => sql.Parameter(FilterSql.DayOf(t), NpgsqlDbType.Date),
            DateTimeOffset t => sql.Parameter(t, NpgsqlDbType.TimestampTz),
            _ => throw new InvalidOperationException("A date end in a comparison of instants."),
        };
    }

    private static string Op(ComparisonOperator op) => op switch
    {
        ComparisonOperator.EqualTo => "=",
        ComparisonOperator.NotEqualTo => "<>",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqualTo => "<=",
        ComparisonOperator.GreaterThan => ">",
        _ => ">=",
    };
}
