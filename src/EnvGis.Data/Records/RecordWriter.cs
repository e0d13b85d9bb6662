using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Features;
using EnvGis.Data.Sql;
using NetTopologySuite.Geometries;
using Npgsql;

namespace EnvGis.Data.Records;

/// <summary>
/// One database transaction of record writes by one caller through one channel: every write path
/// (records API, WFS-T) goes through here. Each operation checks <see cref="RecordPermissions"/>,
/// the optimistic version, and the spatial scope, then changes one row per record with one
/// statement, so the history trigger writes exactly one entry per changed record in this same
/// transaction. Nothing is kept unless <see cref="CommitAsync"/> is called: a failure anywhere
/// leaves nothing (all or nothing).
/// </summary>
public sealed class RecordWriter : IAsyncDisposable
{
    /// <summary>The most records one transaction may change.</summary>
    public const int MaxChanges = 10_000;

    private const string AreaParameter = "area_communes";
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly Changes.ChangeFeed? feed;
    private int changes;
    private bool broken;

    private RecordWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, WriteScope actor, string channel,
        Changes.ChangeFeed? feed)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.feed = feed;
        Actor = actor;
        Channel = channel;
    }

    public WriteScope Actor { get; }

    public string Channel { get; }

    /// <summary>Records changed so far.</summary>
    public int Changes => changes;

    internal static async Task<RecordWriter> BeginAsync(NpgsqlDataSource dataSource, WriteScope actor, string channel,
        Changes.ChangeFeed? feed, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand(
                """
                SELECT set_config('envgis.user', @user, true), set_config('envgis.user_id', @userId, true),
                       set_config('envgis.unit', @unit, true), set_config('envgis.channel', @channel, true)
                """, connection, transaction);
            command.Parameters.AddWithValue("user", actor.UserName);
            command.Parameters.AddWithValue("userId", actor.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("unit", actor.Unit.Code);
            command.Parameters.AddWithValue("channel", channel);
            await command.ExecuteNonQueryAsync(ct);
            return new RecordWriter(connection, transaction, actor, channel, feed);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Inserts a record owned by the caller's unit, in the unit's starting status (draft or submitted).</summary>
    public Task<RecordResult> InsertAsync(LayerDefinition layer, IReadOnlyDictionary<string, object?> values, Geometry geometry,
        string? comment, CancellationToken ct) => Guard(async () =>
    {
        if (RecordPermissions.CheckCreate(Actor, layer.Name) is { } refusal)
        {
            throw refusal;
        }

        RecordValues.CheckText(values, comment);
        values = RecordValues.WithoutMeasured(layer, values);
        RecordValues.CheckRequired(layer, values, insert: true);
        var prepared = await PrepareGeometryAsync(layer, geometry, ct);
        await SetActionAsync(RecordAction.Create, comment, ct);
        var columns = values.Keys.ToList();
        await using var command = Command($"""
            INSERT INTO {SqlIdentifier.LayerTable(layer.Name)}
                ({string.Concat(columns.Select(c => SqlIdentifier.Quote(c) + ", "))}owner_unit, commune_code, status, created_by, updated_by, geom)
            VALUES ({string.Concat(columns.Select((_, i) => $"@v{i}, "))}@owner, @commune, @status, @user, @user, @geom)
            RETURNING id, version, status
            """);
        AddValues(command, columns, values);
        command.Parameters.AddWithValue("owner", Actor.Unit.Code);
        command.Parameters.AddWithValue("commune", (object?)CommuneFor(Actor.Unit, prepared) ?? DBNull.Value);
        command.Parameters.AddWithValue("status", Actor.Unit.NewRecordStatus);
        command.Parameters.AddWithValue("user", Actor.UserName);
        command.Parameters.AddWithValue("geom", prepared.Geometry);
        return await ReadResultAsync(command, ct);
    }, ct);

    /// <summary>
    /// Changes the given values and, when not null, the geometry of a record; an approved or published
    /// record goes back to submitted (<see cref="Workflow.AfterChange"/>). A client that sends the
    /// record's status back with its change (as WFS clients send every property) names it in
    /// <paramref name="statusAsSent"/>: it must be the current one, since the status changes only
    /// through the workflow.
    /// </summary>
    public Task<RecordResult> UpdateAsync(LayerDefinition layer, long id, int? expectedVersion, IReadOnlyDictionary<string, object?> values,
        Geometry? geometry, string? comment, CancellationToken ct, string? statusAsSent = null) => Guard(async () =>
    {
        var current = await LockAsync(layer, id, RecordAction.Update, expectedVersion, ct);
        if (statusAsSent is not null && statusAsSent != current.Status)
        {
            throw RecordException.Invalid(
                $"Record {layer.Name}.{id} is {current.Status}; its status changes only through the workflow actions (submit, approve, reject, publish), not by editing it to '{statusAsSent}'.",
                RecordMetadata.Status);
        }
        RecordValues.CheckText(values, comment);
        values = RecordValues.WithoutMeasured(layer, values);
        RecordValues.CheckRequired(layer, values, insert: false);
        var prepared = geometry is null ? null : await PrepareGeometryAsync(layer, geometry, ct);
        await SetActionAsync(RecordAction.Update, comment, ct);
        var columns = values.Keys.ToList();
        var sets = columns.Select((c, i) => $"{SqlIdentifier.Quote(c)} = @v{i}").ToList();
        if (prepared is not null)
        {
            sets.Add("geom = @geom");
            sets.Add("commune_code = @commune");
        }

        await using var command = Command($"""
            UPDATE {SqlIdentifier.LayerTable(layer.Name)} AS r
            SET {string.Concat(sets.Select(s => s + ", "))}status = @status, updated_by = @user, updated_at = now(), version = r.version + 1
            WHERE r.id = @id
            RETURNING r.id, r.version, r.status
            """);
        AddValues(command, columns, values);
        command.Parameters.AddWithValue("status", Workflow.AfterChange(current.Status));
        if (prepared is not null)
        {
            command.Parameters.AddWithValue("geom", prepared.Geometry);
            command.Parameters.AddWithValue("commune", (object?)CommuneFor(current.Owner, prepared) ?? DBNull.Value);
        }

        command.Parameters.AddWithValue("user", Actor.UserName);
        command.Parameters.AddWithValue("id", id);
        return await ReadResultAsync(command, ct);
    }, ct);

    /// <summary>
    /// Replaces a record (API PUT, WFS-T Replace: one rule for every channel): the layer's attributes the
    /// client did not send become empty, the record metadata it did not send (validity, source, citation,
    /// restricted) is kept, and the geometry is required.
    /// </summary>
    public Task<RecordResult> ReplaceAsync(LayerDefinition layer, long id, int? expectedVersion, IReadOnlyDictionary<string, object?> values,
        Geometry geometry, string? comment, CancellationToken ct, string? statusAsSent = null)
    {
        var all = new Dictionary<string, object?>(values, StringComparer.Ordinal);
        foreach (var attribute in layer.Attributes.Where(a => !all.ContainsKey(a.Name)))
        {
            all[attribute.Name] = null;
        }

        return UpdateAsync(layer, id, expectedVersion, all, geometry, comment, ct, statusAsSent);
    }

    /// <summary>
    /// Moves a record through the workflow: <see cref="RecordAction.Submit"/>, Approve, Reject, Publish,
    /// or <see cref="RecordAction.Archive"/> (the soft delete).
    /// </summary>
    public Task<RecordResult> ChangeStatusAsync(LayerDefinition layer, long id, int? expectedVersion, RecordAction action,
        string? comment, CancellationToken ct) => Guard(async () =>
    {
        if (action is not (RecordAction.Submit or RecordAction.Approve or RecordAction.Reject or RecordAction.Publish or RecordAction.Archive))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Not a status change.");
        }

        RecordValues.CheckText(new Dictionary<string, object?>(), comment);
        var current = await LockAsync(layer, id, action, expectedVersion, ct);
        var next = Workflow.Next(current.Status, action)!;
        await SetActionAsync(action, comment, ct);
        await using var command = Command($"""
            UPDATE {SqlIdentifier.LayerTable(layer.Name)} AS r
            SET status = @status, updated_by = @user, updated_at = now(), version = r.version + 1
            WHERE r.id = @id
            RETURNING r.id, r.version, r.status
            """);
        command.Parameters.AddWithValue("status", next);
        command.Parameters.AddWithValue("user", Actor.UserName);
        command.Parameters.AddWithValue("id", id);
        return await ReadResultAsync(command, ct);
    }, ct);

    /// <summary>
    /// Brings back an earlier state of a record, attributes and geometry exactly: the state after
    /// history entry <paramref name="historyId"/>, or (when null) the state before the last delete. The
    /// status follows <see cref="Workflow.AfterRestore"/>: restored content is never public until approved again.
    /// </summary>
    public Task<RecordResult> RestoreAsync(LayerDefinition layer, long id, int? expectedVersion, long? historyId,
        string? comment, CancellationToken ct) => Guard(async () =>
    {
        var current = await LockAsync(layer, id, RecordAction.Restore, expectedVersion, ct);
        var (entry, before) = await FindStateAsync(layer, id, historyId, ct);
        var state = before ? "h.before_attributes" : "h.after_attributes";
        var geometry = before ? "h.before_geom" : "h.after_geom";

        string restoredStatus;
        await using (var check = Command($"""
            SELECT {state} ->> 'status', {AreaCheck(geometry)}
            FROM envgis.record_history AS h WHERE h.id = @entry
            """))
        {
            check.Parameters.AddWithValue("entry", entry);
            AddAreaParameter(check);
            await using var reader = await check.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            restoredStatus = reader.GetString(0);
            if (!reader.GetBoolean(1))
            {
                throw OutsideArea("The restored geometry");
            }
        }

        await SetActionAsync(RecordAction.Restore, comment ?? $"history entry {entry}", ct);
        var columns = layer.Attributes.Where(a => !a.Measured).Select(a => a.Name).Concat(EditableMetadata.All.Select(m => m.Name))
            .Append(RecordMetadata.CommuneCode).Select(SqlIdentifier.Quote).ToList();
        var table = SqlIdentifier.LayerTable(layer.Name);
        await using var command = Command($"""
            UPDATE {table} AS r
            SET ({string.Join(", ", columns)}) = (SELECT {string.Join(", ", columns.Select(c => "p." + c))}
                                                  FROM jsonb_populate_record(NULL::{table}, h.state) AS p),
                geom = h.geom, status = @status, updated_by = @user, updated_at = now(), version = r.version + 1
            FROM (SELECT {state} AS state, {geometry} AS geom FROM envgis.record_history AS h WHERE h.id = @entry) AS h
            WHERE r.id = @id
            RETURNING r.id, r.version, r.status
            """);
        command.Parameters.AddWithValue("status", Workflow.AfterRestore(restoredStatus, current.Status));
        command.Parameters.AddWithValue("user", Actor.UserName);
        command.Parameters.AddWithValue("entry", entry);
        command.Parameters.AddWithValue("id", id);
        return await ReadResultAsync(command, ct);
    }, ct);

    /// <summary>
    /// The ids of the records of <paramref name="layer"/> the caller may read that match
    /// <paramref name="filter"/> (a condition over the alias <c>r</c>), at most <see cref="MaxChanges"/>.
    /// </summary>
    public Task<IReadOnlyList<long>> SelectAsync(LayerDefinition layer, SqlCondition filter, CancellationToken ct) => Guard(async () =>
    {
        var scope = Actor.Account.ReadScope;
        await using var command = Command($"""
            SELECT r.id FROM {SqlIdentifier.LayerTable(layer.Name)} AS r
            WHERE {Visibility.Predicate(scope, "r")} AND ({filter.Sql})
            ORDER BY r.id LIMIT {MaxChanges + 1}
            """);
        Visibility.AddParameters(scope, command.Parameters);
        foreach (var parameter in filter.Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt64(0));
        }

        if (ids.Count > MaxChanges)
        {
            throw new RecordException(RecordErrorKind.TooLarge, $"The filter selects more than {MaxChanges} records; narrow it.");
        }

        return (IReadOnlyList<long>)ids;
    }, ct);

    /// <summary>
    /// Locks a record and demands that the caller may change it (its documents count as part of it):
    /// visible to the caller, a layer and unit it may edit, a status it may change, within its area.
    /// </summary>
    public Task DemandChangeAsync(LayerDefinition layer, long id, CancellationToken ct) =>
        Guard(async () => await LockAsync(layer, id, RecordAction.Update, null, ct), ct);

    /// <summary>A command in this transaction, for rows that belong to the change (attachments, audit entries).</summary>
    internal NpgsqlCommand CreateCommand(string sql) => Command(sql);

    public async Task CommitAsync(CancellationToken ct)
    {
        if (broken)
        {
            throw new InvalidOperationException("A failed record transaction cannot be committed.");
        }

        await transaction.CommitAsync(ct);
        // This node applies the change before the caller hears of it: its next read is not from a stale cache.
        if (feed is not null)
        {
            await feed.AfterCommitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    /// <summary>Locks a record the caller may read and checks the action, the version and the caller's area.</summary>
    private async Task<LockedRecord> LockAsync(LayerDefinition layer, long id, RecordAction action, int? expectedVersion, CancellationToken ct)
    {
        var scope = Actor.Account.ReadScope;
        await using var command = Command($"""
            SELECT r.status, r.version, u.code, u.kind, u.commune_code, u.self_approve, u.new_record_status, {AreaCheck("r.geom")}
            FROM {SqlIdentifier.LayerTable(layer.Name)} AS r JOIN envgis.units AS u ON u.code = r.owner_unit
            WHERE r.id = @id AND {Visibility.Predicate(scope, "r", includeArchived: true)}
            FOR UPDATE OF r
            """);
        command.Parameters.AddWithValue("id", id);
        Visibility.AddParameters(scope, command.Parameters);
        AddAreaParameter(command);
        LockedRecord record;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                throw RecordException.NotFound($"The layer '{layer.Name}' has no record {id} that you may read.");
            }

            var owner = new Unit(reader.GetString(2), UnitKinds.Parse(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetBoolean(5), reader.GetString(6));
            record = new LockedRecord(reader.GetString(0), reader.GetInt32(1), owner, reader.GetBoolean(7));
        }

        RecordPermissions.Demand(Actor, action, layer.Name, record.Owner, record.Status);
        if (expectedVersion is { } expected && expected != record.Version)
        {
            throw new RecordException(RecordErrorKind.Conflict,
                $"Record {layer.Name}.{id} was changed by someone else: it is now at version {record.Version}, your change was based on version {expected}. Reload it and try again.")
            {
                Code = RecordErrorCodes.StaleVersion,
            };
        }

        if (!record.InArea)
        {
            throw OutsideArea($"Record {layer.Name}.{id}");
        }

        return record;
    }

    private async Task<(long Entry, bool Before)> FindStateAsync(LayerDefinition layer, long id, long? historyId, CancellationToken ct)
    {
        await using var command = Command(historyId is null
            ? """
              SELECT h.id FROM envgis.record_history AS h
              WHERE h.layer = @layer AND h.record_id = @id AND h.action = 'delete' ORDER BY h.id DESC LIMIT 1
              """
            : """
              SELECT h.id FROM envgis.record_history AS h
              WHERE h.id = @entry AND h.layer = @layer AND h.record_id = @id AND h.after_attributes IS NOT NULL
              """);
        command.Parameters.AddWithValue("layer", layer.Name);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("entry", historyId ?? 0);
        return await command.ExecuteScalarAsync(ct) is long entry
            ? (entry, historyId is null)
            : throw (historyId is null
                ? RecordException.Invalid($"Record {layer.Name}.{id} was never deleted; name the history entry to restore.", "historyId")
                : RecordException.NotFound($"Record {layer.Name}.{id} has no history entry {historyId} to restore."));
    }

    /// <summary>Transforms to EPSG:4326, fits the layer's type, and checks validity, coordinates and the caller's area.</summary>
    private async Task<PreparedGeometry> PrepareGeometryAsync(LayerDefinition layer, Geometry geometry, CancellationToken ct)
    {
        var fitted = GeometryShapes.Fit(layer, geometry);
        if (fitted.SRID <= 0)
        {
            fitted.SRID = 4326;
        }

        await using var command = Command($"""
            SELECT g, ST_IsValid(g), ST_IsValidReason(g), ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g), {AreaCheck("g")},
                   (SELECT c.{SqlIdentifier.Quote(SpatialScopes.CommuneCodeAttribute)}
                    FROM {SqlIdentifier.LayerTable(SpatialScopes.CommuneLayer)} AS c
                    WHERE ST_Intersects(c.geom, ST_PointOnSurface(g)) AND c.status <> 'archived' ORDER BY c.id LIMIT 1)
            FROM (SELECT ST_Force2D(ST_Transform(@geometry, 4326)) AS g) AS q
            """);
        command.Parameters.AddWithValue("geometry", fitted);
        AddAreaParameter(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (!reader.GetBoolean(1))
        {
            throw new RecordException(RecordErrorKind.Invalid, $"The geometry is not valid: {reader.GetString(2)}.", "geometry")
            {
                Code = RecordErrorCodes.InvalidGeometry,
            };
        }

        if (reader.GetDouble(3) < -180 || reader.GetDouble(5) > 180 || reader.GetDouble(4) < -90 || reader.GetDouble(6) > 90)
        {
            throw new RecordException(RecordErrorKind.Invalid,
                "The geometry has coordinates outside longitude -180…180 / latitude -90…90 after conversion to EPSG:4326 (were the axes swapped?).",
                "geometry")
            {
                Code = RecordErrorCodes.InvalidGeometry,
            };
        }

        if (!reader.GetBoolean(7))
        {
            throw OutsideArea("The geometry");
        }

        return new PreparedGeometry(reader.GetFieldValue<Geometry>(0), reader.IsDBNull(8) ? null : reader.GetString(8));
    }

    /// <summary>Records of a commune unit belong to its commune; others to the commune their geometry lies in.</summary>
    private static string? CommuneFor(Unit owner, PreparedGeometry geometry) =>
        owner.Kind == UnitKind.Commune ? owner.CommuneCode : geometry.CommuneCode;

    private string AreaCheck(string geometry) => Actor.Area switch
    {
        null => "FALSE",
        { WholeCity: true } => "TRUE",
        _ => $"coalesce(ST_CoveredBy({geometry}, {ScopeArea.Sql("@" + AreaParameter)}), FALSE)",
    };

    private void AddAreaParameter(NpgsqlCommand command)
    {
        if (Actor.Area is { WholeCity: false } area)
        {
            command.Parameters.AddWithValue(AreaParameter, area.Communes.ToArray());
        }
    }

    private RecordException OutsideArea(string what) => new(RecordErrorKind.Forbidden, Actor.Area is null
        ? $"Unit '{Actor.Unit.Code}' has no spatial scope; the administrator sets where it may work."
        : $"{what} lies outside the scope of unit '{Actor.Unit.Code}' ({Actor.Area.Describe()}); it may work only within that area.")
    {
        Code = RecordErrorCodes.OutsideScope,
    };

    private async Task SetActionAsync(RecordAction action, string? comment, CancellationToken ct)
    {
        if (++changes > MaxChanges)
        {
            throw new RecordException(RecordErrorKind.TooLarge, $"One transaction may change at most {MaxChanges} records.");
        }

        await using var command = Command("SELECT set_config('envgis.action', @action, true), set_config('envgis.comment', @comment, true)");
        command.Parameters.AddWithValue("action", action.Name());
        command.Parameters.AddWithValue("comment", comment is { Length: > 2000 } ? comment[..2000] : comment ?? "");
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddValues(NpgsqlCommand command, List<string> columns, IReadOnlyDictionary<string, object?> values)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.AddWithValue("v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), values[columns[i]] ?? DBNull.Value);
        }
    }

    private static async Task<RecordResult> ReadResultAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new RecordResult(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2));
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

    /// <summary>Runs one operation; database refusals of the request's values become <see cref="RecordException"/>s, and any failure spoils the transaction.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> operation, CancellationToken ct)
    {
        if (broken)
        {
            throw new InvalidOperationException("An earlier operation of this record transaction failed.");
        }

        ct.ThrowIfCancellationRequested();
        try
        {
            return await operation();
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            broken = true;
            throw RecordException.Invalid($"The record breaks a rule of the layer ({e.ConstraintName ?? e.ColumnName ?? e.MessageText}).", e.ColumnName);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState == "XX000")
        {
            broken = true;
            throw RecordException.Invalid($"A value could not be stored: {e.MessageText}");
        }
        catch
        {
            broken = true;
            throw;
        }
    }

    private sealed record LockedRecord(string Status, int Version, Unit Owner, bool InArea);
}
