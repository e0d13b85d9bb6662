using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wms;
using EnvGis.Ows.Wms.Requests;

namespace EnvGis.Ows.Tests.Wms;

/// <summary>Axis order per version, scale denominators, formats and the TIME dimension.</summary>
public sealed class WmsRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 20, 0, 0, TimeSpan.Zero); // 11 March, 03:00 in Việt Nam

    [Theory]
    [InlineData("1.3.0", "EPSG:4326", true)]
    [InlineData("1.3.0", "EPSG:4756", true)]
    [InlineData("1.3.0", "CRS:84", false)]
    [InlineData("1.3.0", "EPSG:3857", false)]
    [InlineData("1.3.0", "EPSG:9210", false)]
    [InlineData("1.3.0", "urn:ogc:def:crs:EPSG::4326", true)]
    [InlineData("1.1.1", "EPSG:4326", false)]
    [InlineData("1.1.1", "EPSG:4756", false)]
    [InlineData("1.1.1", "EPSG:3405", false)]
    public void Bbox_axis_order_follows_the_version_and_the_crs(string version, string crs, bool latLon)
    {
        Assert.Equal(latLon, MapCrs.Parse(crs, version).LatLon);
    }

    [Fact]
    public void Unknown_crs_are_InvalidCRS_in_1_3_0_and_InvalidSRS_in_1_1_1()
    {
        Assert.Equal("InvalidCRS", Assert.Throws<OwsException>(() => MapCrs.Parse("EPSG:2000", "1.3.0")).Code);
        Assert.Equal("InvalidSRS", Assert.Throws<OwsException>(() => MapCrs.Parse("EPSG:2000", "1.1.1")).Code);
        Assert.Equal("CRS", Assert.Throws<OwsException>(() => MapCrs.Parse("bogus", "1.3.0")).Locator);
    }

    [Fact]
    public void A_1_3_0_lat_lon_box_and_a_1_1_1_lon_lat_box_are_the_same_view()
    {
        KeyValueParameters Kvp(string crsName, string crs, string bbox) => new([new(crsName, crs), new("BBOX", bbox)]);
        var v130 = MapRequestParser.ParseView(Kvp("CRS", "EPSG:4326", "20.72,106.95,20.88,107.2"), "1.3.0", 256, 256);
        var v111 = MapRequestParser.ParseView(Kvp("SRS", "EPSG:4326", "106.95,20.72,107.2,20.88"), "1.1.1", 256, 256);
        Assert.Equal((v111.MinX, v111.MinY, v111.MaxX, v111.MaxY), (v130.MinX, v130.MinY, v130.MaxX, v130.MaxY));
        Assert.Equal(106.95, v130.MinX);
    }

    [Fact]
    public void Scale_denominators_follow_the_ogc_pixel_of_0_28_mm()
    {
        // Web Mercator zoom 0 tile: 2π·6378137 m over 256 pixels ≈ 1:559 082 264.
        var crs = MapCrs.Parse("EPSG:3857", "1.3.0");
        var world = new MapView(crs, -20037508.342789244, -20037508.342789244, 20037508.342789244, 20037508.342789244, 256, 256);
        Assert.Equal(559082264.029, world.ScaleDenominator, 0);
        // One degree over 1000 pixels in EPSG:4326: 111 319.49 m / 1000 / 0.00028.
        var geographic = new MapView(MapCrs.Parse("EPSG:4326", "1.1.1"), 106, 20, 107, 21, 1000, 1000);
        Assert.Equal(397569.6, geographic.ScaleDenominator, 0);
    }

    [Fact]
    public void Pixel_transform_maps_the_view_onto_the_image()
    {
        var view = new MapView(MapCrs.Parse("EPSG:3857", "1.3.0"), 1000, 2000, 3000, 3000, 200, 100);
        var (a, e, x0, y0) = view.PixelTransform();
        Assert.Equal(0, a * 1000 + x0, 9);
        Assert.Equal(200, a * 3000 + x0, 9);
        Assert.Equal(0, e * 3000 + y0, 9);
        Assert.Equal(100, e * 2000 + y0, 9);
        Assert.Equal((1005.0, 2995.0), view.ToMap(0, 0));
    }

    [Theory]
    [InlineData("image/png", "image/png")]
    [InlineData("image/png; mode=8bit", "image/png; mode=8bit")]
    [InlineData("image/png8", "image/png; mode=8bit")]
    [InlineData("IMAGE/JPEG", "image/jpeg")]
    public void Formats_are_recognised(string asked, string format)
    {
        Assert.Equal(format, ImageFormat.Parse(asked).MimeType);
    }

    [Fact]
    public void Unknown_formats_are_InvalidFormat()
    {
        Assert.Equal(WmsExceptionCodes.InvalidFormat, Assert.Throws<OwsException>(() => ImageFormat.Parse("image/gif")).Code);
    }

    [Theory]
    [InlineData("2025-07-01", "2025-07-01", "2025-07-01")]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2025-06-30T18:00:00Z", "2025-07-01", "2025-07-01")]
    [InlineData("2025-06-30T23:59:00+07:00", "2025-06-30", "2025-06-30")]
    [InlineData("2025-06-30T10:00:00", "2025-06-30", "2025-06-30")]
    [InlineData("2020-01-01/2025-06-30", "2020-01-01", "2025-06-30")]
    [InlineData("2020-01-01/2025-06-30/P1D", "2020-01-01", "2025-06-30")]
    [InlineData("2020/2021-03", "2020-01-01", "2021-03-31")]
    [InlineData("current", "2026-03-11", "2026-03-11")]
    [InlineData("9999-12", "9999-12-01", "9999-12-31")]
    [InlineData("9999", "9999-01-01", "9999-12-31")]
    [InlineData("9999-12-31T16:59:59Z", "9999-12-31", "9999-12-31")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01", "0001-01-01")]
    public void Time_values_become_date_intervals(string value, string start, string end)
    {
        var filter = TimeFilter.Parse(value, Now);
        var interval = Assert.Single(filter.Intervals);
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), interval);
        Assert.Equal(value == "current", filter.UsesToday);
    }

    [Fact]
    public void Time_lists_are_unions()
    {
        var filter = TimeFilter.Parse("2020-01-01, 2021-01-01/2021-06-30,current", Now);
        Assert.Equal(3, filter.Intervals.Count);
        Assert.True(filter.UsesToday);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-30")]
    [InlineData("2025-01-01/")]
    [InlineData("2025-01-01/2024-01-01")]
    [InlineData("1/2/3/4")]
    [InlineData("2025-01-01,,2025-01-02")]
    [InlineData("9999-12-31T23:30:00Z")]
    [InlineData("9999-12-31T17:00:00Z")]
    [InlineData("10000-01-01")]
    [InlineData("0001-01-01T00:00:00+07:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("2025-01-01T10:00:00+99:00")]
    public void Bad_time_values_are_InvalidDimensionValue(string value)
    {
        var error = Assert.Throws<OwsException>(() => TimeFilter.Parse(value, Now));
        Assert.Equal(WmsExceptionCodes.InvalidDimensionValue, error.Code);
        Assert.Equal("TIME", error.Locator);
    }

    [Fact]
    public void An_empty_time_is_MissingDimensionValue_and_an_absent_one_no_filter()
    {
        Assert.Null(TimeFilter.FromRequest(new KeyValueParameters([]), Now));
        var error = Assert.Throws<OwsException>(() => TimeFilter.FromRequest(new KeyValueParameters([new("time", "")]), Now));
        Assert.Equal(WmsExceptionCodes.MissingDimensionValue, error.Code);
    }

    [Fact]
    public void Time_sql_uses_parameters_and_open_bounds()
    {
        // TIME is T_INTERSECTS(validity, …) in the shared filter SQL; a missing bound is open.
        var condition = TimeFilter.Sql(TimeFilter.Parse("2020-01-01,2021-05-05/2021-06-06", Now), TestLayers.Zones);
        Assert.Contains("coalesce(r.\"valid_from\", '-infinity'::date) <= @time_0 AND coalesce(r.\"valid_to\", 'infinity'::date) >= @time_0", condition.Sql);
        Assert.Contains("coalesce(r.\"valid_from\", '-infinity'::date) <= @time_2 AND coalesce(r.\"valid_to\", 'infinity'::date) >= @time_1", condition.Sql);
        Assert.Contains(" OR ", condition.Sql);
        Assert.Equal(3, condition.Parameters.Count);
        Assert.Equal(new DateOnly(2021, 5, 5), condition.Parameters[1].Value);
        Assert.DoesNotContain("2021", condition.Sql);
    }
}
