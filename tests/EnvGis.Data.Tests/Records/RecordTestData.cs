using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Tests.Infrastructure;

namespace EnvGis.Data.Tests.Records;

/// <summary>A unit, an account and a commune polygon of their own for the record tests (the cluster has no sample data).</summary>
public static class RecordTestData
{
    public const string Commune = "TST01";
    public const string CommuneUnit = "rec-test-commune";
    public const string CityUnit = "rec-test-city";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool created;

    /// <summary>The commune TST01 covers lon 106.60–106.70, lat 20.80–20.90.</summary>
    public static async Task EnsureAsync(ClusterFixture fixture)
    {
        await Once.WaitAsync();
        try
        {
            if (created)
            {
                return;
            }

            await fixture.ScalarAsync<int>(
                $"""
                INSERT INTO envgis.units (code, name_vi, name_en, kind, commune_code, self_approve) VALUES
                  ('{CommuneUnit}', 'Xã thử', 'Test commune', 'commune', '{Commune}', false),
                  ('{CityUnit}', 'Sở thử', 'Test department', 'city_department', NULL, true)
                ON CONFLICT DO NOTHING;
                INSERT INTO data.communes (code, name, kind, owner_unit, status, created_by, updated_by, geom)
                SELECT '{Commune}', 'Xã thử', 'commune', '{CityUnit}', 'published', 't', 't',
                       ST_Multi(ST_MakeEnvelope(106.60, 20.80, 106.70, 20.90, 4326))
                WHERE NOT EXISTS (SELECT 1 FROM data.communes WHERE code = '{Commune}');
                SELECT 1
                """);
            created = true;
        }
        finally
        {
            Once.Release();
        }
    }

    public static WriteScope CommuneEditor(params string[] layers) => new(new Account(
        101, "tst-editor", Role.Editor, new Unit(CommuneUnit, UnitKind.Commune, Commune, false),
        false, "Tester", new UnitScope(layers.ToHashSet(), SpatialScope.Of([Commune]))));

    public static WriteScope CityEditor(params string[] layers) => new(new Account(
        102, "tst-city", Role.Editor, new Unit(CityUnit, UnitKind.CityDepartment, null, true, RecordStatus.Submitted),
        false, "Tester", new UnitScope(layers.ToHashSet(), SpatialScope.Everywhere)));
}
