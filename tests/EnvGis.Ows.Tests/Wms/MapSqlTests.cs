using EnvGis.Core.Security;
using EnvGis.Data.Sql;
using EnvGis.Data.Features;
using EnvGis.Data.Maps;
using EnvGis.Ows.Wms.Requests;
using Npgsql;

namespace EnvGis.Ows.Tests.Wms;

/// <summary>The map query: visibility always applied, identifiers from the catalogue, every value a parameter.</summary>
public sealed class MapSqlTests
{
    private static readonly MapView View = new(MapCrs.Parse("EPSG:3857", "1.3.0"), 11_850_000.5, 2_360_000.25, 11_905_000.75, 2_395_000.125, 256, 256);

    [Fact]
    public void The_query_carries_the_visibility_predicate_and_only_the_columns_the_style_reads()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");
        var columns = MapSql.Columns(TestLayers.Zones, new HashSet<string> { "aqi", "name", "status", "not_a_column" });
        Assert.Equal(["name", "aqi", "status"], columns);
        using var command = MapSql.Build(dataSource, TestLayers.Zones, columns, View.Window, SqlCondition.True, ReadScope.Anonymous);
        Assert.Contains(Visibility.Predicate(ReadScope.Anonymous, "r"), command.CommandText);
        Assert.Contains("FROM data.\"polluted_zones\" AS r", command.CommandText);
        Assert.Contains("r.\"name\", r.\"aqi\", r.\"status\", ST_AsTWKB(", command.CommandText);
        Assert.DoesNotContain("not_a_column", command.CommandText);
        Assert.Contains("ST_ClipByBox2D", command.CommandText);
        Assert.Contains("ST_Simplify", command.CommandText);
        // No value of the request is in the text: the view, the CRS and the transform are parameters.
        Assert.DoesNotContain("11850000", command.CommandText);
        Assert.DoesNotContain("3857", command.CommandText);
        Assert.Equal(3857, command.Parameters["srid"].Value);
        Assert.Equal(View.PixelSize * MapSql.SimplifyPixels, (double)command.Parameters["tolerance"].Value!, 9);
    }

    [Fact]
    public void Points_are_neither_clipped_nor_simplified_and_time_adds_its_condition()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");
        var time = TimeFilter.Parse("2025-07-01", DateTimeOffset.UtcNow);
        using var command = MapSql.Build(dataSource, TestLayers.Stations, [], View.Window, TimeFilter.Sql(time, TestLayers.Stations), ReadScope.Anonymous);
        Assert.DoesNotContain("ST_ClipByBox2D", command.CommandText);
        Assert.DoesNotContain("ST_Simplify", command.CommandText);
        Assert.Contains("@time_0", command.CommandText);
        Assert.Equal(new DateOnly(2025, 7, 1), command.Parameters["time_0"].Value);
    }

    [Fact]
    public void The_query_box_adds_the_margin_in_pixels()
    {
        using var command = new NpgsqlCommand();
        MapSql.QueryBox(View.Window, command.Parameters, 10);
        Assert.Equal(View.MinX - 10 * View.ResolutionX, (double)command.Parameters["x0"].Value!, 6);
        Assert.Equal(View.MaxY + 10 * View.ResolutionY, (double)command.Parameters["y1"].Value!, 6);
    }
}
