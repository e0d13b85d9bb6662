using EnvGis.Data.Tests.Infrastructure;

namespace EnvGis.Data.Tests.Records;

[Collection("cluster")]
public sealed class RecordHistoryTriggerTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Every_layer_table_records_its_history()
    {
        foreach (var layer in fixture.Catalogue.Layers)
        {
            Assert.Equal(1, await fixture.ScalarAsync<long>(
                "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'data' AND c.relname = $1 AND t.tgname = 'record_history'", layer.Name));
        }
    }

    [Fact]
    public async Task Changes_made_straight_in_SQL_are_recorded_as_system_changes()
    {
        await RecordTestData.EnsureAsync(fixture);
        var id = await fixture.ScalarAsync<long>(
            $"""
            INSERT INTO data.sensitive_zones (name, sensitivity_type, owner_unit, created_by, updated_by, geom)
            VALUES ('Rừng ngập mặn thử', 'mangrove', '{RecordTestData.CityUnit}', 'migration', 'migration',
                    ST_Multi(ST_MakeEnvelope(106.61, 20.81, 106.62, 20.82, 4326)))
            RETURNING id
            """);
        await fixture.ScalarAsync<int>("UPDATE data.sensitive_zones SET status = 'archived', version = version + 1 WHERE id = $1 RETURNING 1", id);
        await fixture.ScalarAsync<int>("DELETE FROM data.sensitive_zones WHERE id = $1 RETURNING 1", id);

        Assert.Equal("insert,delete,purge", await fixture.ScalarAsync<string>(
            "SELECT string_agg(action, ',' ORDER BY id) FROM envgis.record_history WHERE layer = 'sensitive_zones' AND record_id = $1", id));
        Assert.Equal("system", await fixture.ScalarAsync<string>(
            "SELECT DISTINCT channel FROM envgis.record_history WHERE layer = 'sensitive_zones' AND record_id = $1", id));
        Assert.Equal("migration", await fixture.ScalarAsync<string>(
            "SELECT user_name FROM envgis.record_history WHERE layer = 'sensitive_zones' AND record_id = $1 AND action = 'insert'", id));
        Assert.True(await fixture.ScalarAsync<bool>(
            """
            SELECT before_attributes ->> 'name' = 'Rừng ngập mặn thử' AND after_attributes IS NULL AND ST_Equals(before_geom,
                   ST_Multi(ST_MakeEnvelope(106.61, 20.81, 106.62, 20.82, 4326)))
            FROM envgis.record_history WHERE layer = 'sensitive_zones' AND record_id = $1 AND action = 'purge'
            """, id));
    }
}
