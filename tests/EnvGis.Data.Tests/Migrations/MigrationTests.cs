using EnvGis.Core.Catalogue;
using EnvGis.Data.Migrations;
using EnvGis.Data.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnvGis.Data.Tests.Migrations;

[Collection("cluster")]
public sealed class MigrationTests(ClusterFixture fixture)
{
    private static readonly string[] ContractLayers =
    [
        "protected_areas", "polluted_zones", "sensitive_zones", "industrial_parks", "river_basins", "rivers",
        "coastline", "monitoring_stations", "communes",
    ];

    [Fact]
    public async Task Migrations_are_applied_once_and_recorded()
    {
        var again = await new Migrator(fixture.DataSource, NullLogger<Migrator>.Instance).MigrateAsync();
        Assert.Empty(again);
        var recorded = await fixture.ScalarAsync<long>("SELECT count(*) FROM public.envgis_migrations");
        Assert.Equal(Migrator.LoadMigrations().Count, recorded);
        Assert.True(recorded >= 2);
    }

    [Fact]
    public void Every_Article_5_category_has_a_layer_and_the_contract_layers_exist()
    {
        var catalogue = fixture.Catalogue;
        Assert.Equal(Enumerable.Range(1, 11), catalogue.Categories.Select(c => c.Id));
        foreach (var category in catalogue.Categories)
        {
            Assert.Contains(catalogue.Layers, l => l.Category == category.Id);
        }

        foreach (var name in ContractLayers)
        {
            Assert.NotNull(catalogue.Find(name));
        }
    }

    [Fact]
    public async Task Every_layer_table_has_typed_columns_a_4326_geometry_and_a_GiST_index()
    {
        foreach (var layer in fixture.Catalogue.Layers)
        {
            var geometryType = await fixture.ScalarAsync<string>(
                "SELECT type FROM geometry_columns WHERE f_table_schema = 'data' AND f_table_name = $1 AND srid = 4326",
                layer.Name);
            Assert.Equal(layer.GeometryKind.ToString().ToUpperInvariant(), geometryType);
            var gist = await fixture.ScalarAsync<long>(
                // One full GiST index; the partial one over hidden records (docs/tiles.md) comes on top.
                "SELECT count(*) FROM pg_indexes WHERE schemaname = 'data' AND tablename = $1 AND indexdef LIKE '%USING gist (geom)' AND indexdef NOT LIKE '% WHERE %'",
                layer.Name);
            Assert.Equal(1, gist);
            foreach (var attribute in layer.Attributes)
            {
                var sqlType = await fixture.ScalarAsync<string>(
                    "SELECT data_type FROM information_schema.columns WHERE table_schema = 'data' AND table_name = $1 AND column_name = $2",
                    layer.Name, attribute.Name);
                Assert.Equal(ExpectedSqlType(attribute.Type), sqlType);
            }
        }
    }

    [Fact]
    public async Task Allowed_values_and_required_attributes_are_enforced_by_the_database()
    {
        await fixture.ScalarAsync<int>(
            "INSERT INTO envgis.units (code, name_vi, name_en, kind) VALUES ('test-unit', 'Thử', 'Test', 'department') ON CONFLICT DO NOTHING RETURNING 1");
        var bad = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => fixture.ScalarAsync<long>(
            """
            INSERT INTO data.polluted_zones (name, pollution_type, severity, owner_unit, created_by, updated_by, geom)
            VALUES ('x', 'water', 'apocalyptic', 'test-unit', 't', 't', ST_Multi(ST_MakeEnvelope(106.6, 20.8, 106.7, 20.9, 4326)))
            RETURNING id
            """));
        Assert.Equal("23514", bad.SqlState);
        var missing = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => fixture.ScalarAsync<long>(
            """
            INSERT INTO data.polluted_zones (name, severity, owner_unit, created_by, updated_by, geom)
            VALUES ('x', 'low', 'test-unit', 't', 't', ST_Multi(ST_MakeEnvelope(106.6, 20.8, 106.7, 20.9, 4326)))
            RETURNING id
            """));
        Assert.Equal("23502", missing.SqlState);
    }

    [Fact]
    public void Every_allowed_value_has_a_Vietnamese_and_an_English_label()
    {
        foreach (var layer in fixture.Catalogue.Layers)
        {
            foreach (var attribute in layer.Attributes.Where(a => a.AllowedValues is not null))
            {
                Assert.NotNull(attribute.ValueLabels);
                Assert.Equal(attribute.AllowedValues!.Order(), attribute.ValueLabels!.Keys.Order());
                Assert.All(attribute.ValueLabels.Values, l => Assert.False(string.IsNullOrWhiteSpace(l.Vi) || string.IsNullOrWhiteSpace(l.En)));
            }
        }

        var kind = fixture.Catalogue.Find("protected_areas")!.FindAttribute("kind")!;
        Assert.Equal("Vườn quốc gia", kind.Display("national_park", "vi"));
        Assert.Equal("National park", kind.Display("national_park", "en"));
    }

    private static string ExpectedSqlType(AttributeType type) => type switch
    {
        AttributeType.Text => "text",
        AttributeType.Integer => "integer",
        AttributeType.Number => "double precision",
        AttributeType.Date => "date",
        AttributeType.DateTime => "timestamp with time zone",
        AttributeType.Boolean => "boolean",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
