using EnvGis.Data.Changes;
using EnvGis.Data.Tests.Infrastructure;
using EnvGis.Data.Tests.Records;
using Npgsql;

namespace EnvGis.Data.Tests.Tiles;

/// <summary>
/// The statement triggers of the layer tables: every write is logged with its boxes, visibility and
/// owners, in the writer's transaction; shapes and the coverage of small public polygons follow.
/// </summary>
[Collection("cluster")]
public sealed class TileChangeLogTests(ClusterFixture fixture)
{
    private const string Layer = "polluted_zones";

    [Fact]
    public async Task Insert_update_and_delete_are_logged_with_the_boxes_of_the_old_and_new_geometry()
    {
        await RecordTestData.EnsureAsync(fixture);
        var before = await SeqAsync();
        var id = await InsertAsync("published", 106.61, 20.81, 0.002);
        var insert = await LastChangeAsync();
        Assert.Equal(before + 1, insert.Seq);
        Assert.Equal("insert", insert.Reason);
        Assert.True(insert.Public);
        Assert.Equal([RecordTestData.CityUnit], insert.Owners);
        Assert.Equal([106.61, 20.81, 106.612, 20.812], insert.Boxes!.Select(v => Math.Round(v, 6)).ToArray());

        await ExecuteAsync($"UPDATE data.{Layer} SET geom = ST_Multi(ST_MakeEnvelope(106.65, 20.85, 106.66, 20.86, 4326)) WHERE id = $1", id);
        var update = await LastChangeAsync();
        Assert.Equal("update", update.Reason);
        Assert.Equal(8, update.Boxes!.Length);
        Assert.True(update.Touches([106.6105, 20.8105, 106.6106, 20.8106]), "the old place");
        Assert.True(update.Touches([106.655, 20.855, 106.656, 20.856]), "the new place");
        Assert.False(update.Touches([106.63, 20.83, 106.64, 20.84]), "between them nothing changed");

        await ExecuteAsync($"DELETE FROM data.{Layer} WHERE id = $1", id);
        var delete = await LastChangeAsync();
        Assert.Equal("delete", delete.Reason);
        Assert.Equal(before + 3, delete.Seq);
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM tile_shapes.{Layer} WHERE id = $1", id));
    }

    [Fact]
    public async Task A_hidden_draft_moves_the_layer_on_but_not_its_public_version()
    {
        await RecordTestData.EnsureAsync(fixture);
        var (seq, publicSeq) = await StateAsync();
        var id = await InsertAsync("draft", 106.62, 20.82, 0.001);
        var after = await StateAsync();
        Assert.Equal(seq + 1, after.Seq);
        Assert.Equal(publicSeq, after.PublicSeq);
        Assert.False((await LastChangeAsync()).Public);

        // Publishing it is a public change.
        await ExecuteAsync($"UPDATE data.{Layer} SET status = 'published' WHERE id = $1", id);
        Assert.Equal(after.Seq + 1, (await StateAsync()).PublicSeq);
        Assert.True(await fixture.ScalarAsync<long>("SELECT seq FROM tiles.owner_state WHERE layer = $1 AND unit = $2", Layer, RecordTestData.CityUnit) > seq);
        await ExecuteAsync($"DELETE FROM data.{Layer} WHERE id = $1", id);
    }

    [Fact]
    public async Task A_rolled_back_write_leaves_no_change_and_no_version()
    {
        await RecordTestData.EnsureAsync(fixture);
        var before = await StateAsync();
        await using (var connection = await fixture.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var command = new NpgsqlCommand(Insert("published", 106.63, 20.83, 0.001), connection, transaction);
            await command.ExecuteScalarAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Small_public_polygons_cover_cells_at_the_zooms_where_they_are_small_and_leave_them_when_they_go()
    {
        await RecordTestData.EnsureAsync(fixture);
        // About 110 m across: under 12 pixels up to zoom 12 (38 m pixels), so merged at zooms 0–12.
        var before = await CoverageAsync(106.6415, 20.8415);
        var id = await InsertAsync("published", 106.641, 20.841, 0.001);
        var after = await CoverageAsync(106.6415, 20.8415);
        Assert.Equal(Enumerable.Range(0, 13).Select(z => before[z] + 1), after.Take(13));
        Assert.Equal(before.Skip(13), after.Skip(13));

        // A draft never counts: the public's merged shapes show public polygons only.
        var aside = await CoverageAsync(106.671, 20.871);
        var draft = await InsertAsync("draft", 106.6705, 20.8705, 0.001);
        Assert.Equal(aside, await CoverageAsync(106.671, 20.871));

        // Unpublishing takes the polygon out of the coverage again.
        await ExecuteAsync($"UPDATE data.{Layer} SET status = 'approved' WHERE id = $1", id);
        Assert.Equal(before, await CoverageAsync(106.6415, 20.8415));
        await ExecuteAsync($"DELETE FROM data.{Layer} WHERE id = ANY($1)", new[] { id, draft });
    }

    [Fact]
    public async Task Shapes_hold_each_record_in_web_mercator_with_its_size_and_label_point()
    {
        await RecordTestData.EnsureAsync(fixture);
        var id = await InsertAsync("draft", 106.68, 20.88, 0.01);
        var same = await fixture.ScalarAsync<bool>($"""
            SELECT ST_Equals(s.geom, ST_Transform(r.geom, 3857)) AND s.size0 = tiles.size0(s.geom)
                   AND ST_Contains(r.geom, ST_SetSRID(ST_MakePoint(s.label_lon, s.label_lat), 4326))
            FROM tile_shapes.{Layer} AS s JOIN data.{Layer} AS r USING (id) WHERE id = $1
            """, id);
        Assert.True(same);
        await ExecuteAsync($"DELETE FROM data.{Layer} WHERE id = $1", id);
    }

    [Fact]
    public async Task Other_subsystems_record_a_change_with_the_documented_function_and_truncate_drops_the_whole_layer()
    {
        await RecordTestData.EnsureAsync(fixture);
        var seq = await fixture.ScalarAsync<long>(
            "SELECT tiles.record_change('monitoring_stations', NULL, ST_SetSRID(ST_MakePoint(106.7, 20.86), 4326))");
        var change = await LastChangeAsync("monitoring_stations");
        Assert.Equal(seq, change.Seq);
        Assert.Equal("external", change.Reason);
        Assert.True(change.Touches([106.69, 20.85, 106.71, 20.87]));

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            fixture.ScalarAsync<long>("SELECT tiles.record_change('no_such_layer', NULL, ST_MakePoint(1, 1))"));
        Assert.Equal(PostgresErrorCodes.InvalidParameterValue, error.SqlState);

        await ExecuteAsync("TRUNCATE data.craft_villages");
        var truncate = await LastChangeAsync("craft_villages");
        Assert.True(truncate.WholeLayer);
        Assert.Equal("truncate", truncate.Reason);
    }

    [Fact]
    public async Task A_catalogue_change_drops_the_layer_but_the_data_version_bump_of_a_write_does_not()
    {
        var before = await SeqAsync("river_basins");
        await ExecuteAsync("UPDATE catalogue.layers SET data_version = data_version + 1 WHERE name = 'river_basins'");
        Assert.Equal(before, await SeqAsync("river_basins"));
        await ExecuteAsync("UPDATE catalogue.attributes SET label_en = label_en || '' WHERE layer = 'river_basins' AND name = 'name'");
        var change = await LastChangeAsync("river_basins");
        Assert.True(change.WholeLayer);
        Assert.Equal("catalogue", change.Reason);
    }

    [Fact]
    public async Task The_public_flag_of_the_shapes_is_the_public_visibility_rule_of_every_other_channel()
    {
        var rule = Sql.Visibility.Predicate(Core.Security.ReadScope.Anonymous, "r");
        var agree = await fixture.ScalarAsync<bool>($"""
            SELECT bool_and(tiles.is_public(r.status, r.restricted) = ({rule}))
                   AND bool_and(NOT tiles.is_public(r.status, r.restricted) = {EnvGis.Data.Tiles.TileSql.HiddenRecord})
            FROM (VALUES ('draft', false), ('submitted', false), ('approved', false), ('published', false),
                         ('rejected', false), ('archived', false), ('published', true), ('draft', true)) AS r (status, restricted)
            """);
        Assert.True(agree);
    }

    [Fact]
    public async Task The_change_log_store_reads_what_this_node_has_not_applied_and_versions_follow()
    {
        await RecordTestData.EnsureAsync(fixture);
        var store = new ChangeLogStore(fixture.DataSource);
        var versions = new LayerVersions();
        var (state, position) = await store.ReadStateAsync(default);
        versions.Replace(state);
        Assert.NotEqual("0/0", position);
        var token = versions.Token(Layer, Core.Security.ReadScope.Anonymous);

        var id = await InsertAsync("draft", 106.69, 20.89, 0.001);
        var (changes, _) = await store.ReadSinceAsync(versions.Applied(), default);
        var mine = Assert.Single(changes, c => c.Layer == Layer);
        versions.Apply(mine);
        Assert.Equal(token, versions.Token(Layer, Core.Security.ReadScope.Anonymous));
        Assert.NotEqual(token.Replace('p', 'a'), versions.Token(Layer, Core.Security.ReadScope.Everything));
        await ExecuteAsync($"DELETE FROM data.{Layer} WHERE id = $1", id);
    }

    private static string Insert(string status, double lon, double lat, double size) => $"""
        INSERT INTO data.{Layer} (name, pollution_type, severity, owner_unit, status, created_by, updated_by, geom)
        VALUES ('Thử ô', 'water', 'low', '{RecordTestData.CityUnit}', '{status}', 't', 't',
                ST_Multi(ST_MakeEnvelope({lon}, {lat}, {lon + size}, {lat + size}, 4326)))
        RETURNING id
        """;

    private Task<long> InsertAsync(string status, double lon, double lat, double size) =>
        fixture.ScalarAsync<long>(Insert(status, lon, lat, size));

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = fixture.DataSource.CreateCommand(sql);
        foreach (var p in parameters)
        {
            command.Parameters.AddWithValue(p);
        }

        await command.ExecuteNonQueryAsync();
    }

    private Task<long> SeqAsync(string layer = Layer) =>
        fixture.ScalarAsync<long>("SELECT seq FROM tiles.layer_state WHERE layer = $1", layer);

    private async Task<(long Seq, long PublicSeq)> StateAsync()
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT seq, public_seq FROM tiles.layer_state WHERE layer = $1");
        command.Parameters.AddWithValue(Layer);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<LayerChange> LastChangeAsync(string layer = Layer)
    {
        await using var command = fixture.DataSource.CreateCommand(
            "SELECT seq, public, owners, boxes, reason FROM tiles.changes WHERE layer = $1 ORDER BY seq DESC LIMIT 1");
        command.Parameters.AddWithValue(layer);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new LayerChange(layer, reader.GetInt64(0), reader.GetBoolean(1), reader.GetFieldValue<string[]>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<double[]>(3), reader.GetString(4));
    }

    // How many small public polygons cover the cell holding the point, at zooms 0 to 16.
    private async Task<long[]> CoverageAsync(double lon, double lat)
    {
        await using var command = fixture.DataSource.CreateCommand($"""
            SELECT zoom, coalesce((SELECT sum(c.n) FROM tile_coverage.{Layer} AS c CROSS JOIN LATERAL tiles.cells(q.p, zoom) AS cell
                                   WHERE c.z = zoom AND c.m = tiles.morton(cell.cx, cell.cy)), 0)::bigint
            FROM generate_series(0, 16) AS zoom,
                 LATERAL (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4326), 3857) AS p) AS q
            ORDER BY zoom
            """);
        command.Parameters.AddWithValue(lon);
        command.Parameters.AddWithValue(lat);
        var counts = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts.Add(reader.GetInt64(1));
        }

        return [.. counts];
    }
}
