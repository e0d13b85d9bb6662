using EnvGis.Data.Tests.Infrastructure;

namespace EnvGis.Data.Tests.Migrations;

/// <summary>The VN-2000 TM-3 zones registered by the migrations match PROJ's published test vector to 1 cm.</summary>
[Collection("cluster")]
public sealed class Vn2000Tests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(9210, 598667.63, 2306639.68)]
    [InlineData(9209, 624686.78, 2306813.16)]
    public async Task WGS84_to_TM3_matches_the_test_vector(int srid, double easting, double northing)
    {
        var x = await fixture.ScalarAsync<double>("SELECT ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(106.70, 20.85), 4326), $1))", srid);
        var y = await fixture.ScalarAsync<double>("SELECT ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(106.70, 20.85), 4326), $1))", srid);
        Assert.InRange(x, easting - 0.01, easting + 0.01);
        Assert.InRange(y, northing - 0.01, northing + 0.01);
    }

    [Fact]
    public async Task TM3_105_45_back_to_WGS84_returns_the_point_within_1_cm()
    {
        var distance = await fixture.ScalarAsync<double>(
            """
            SELECT ST_Distance(
                ST_Transform(ST_SetSRID(ST_MakePoint(598667.63, 2306639.68), 9210), 4326)::geography,
                ST_SetSRID(ST_MakePoint(106.70, 20.85), 4326)::geography)
            """);
        Assert.InRange(distance, 0, 0.01);
    }

    [Fact]
    public async Task The_definitions_carry_the_Decision_05_2007_datum_shift_with_position_vector_signs()
    {
        var proj4 = await fixture.ScalarAsync<string>("SELECT proj4text FROM spatial_ref_sys WHERE srid = 9210");
        Assert.Contains("+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278", proj4);
        Assert.Contains("+lon_0=105.75", proj4);
    }
}
