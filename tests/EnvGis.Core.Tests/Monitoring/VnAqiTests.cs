using EnvGis.Core.Monitoring;

namespace EnvGis.Core.Tests.Monitoring;

/// <summary>
/// VN_AQI against values computed by hand from Decision 1459/QĐ-TCMT (docs/monitoring.md "VN_AQI"):
/// sub-index = (I[i+1] − I[i]) / (BP[i+1] − BP[i]) × (C − BP[i]) + I[i]; NowCast weights w^(i−1) with
/// w = max(Cmin / Cmax, ½). Each comment shows the arithmetic.
/// </summary>
public sealed class VnAqiTests
{
    private static readonly double?[] NoHours = new double?[12];

    [Fact]
    public void NowCast_after_a_step_change_weights_the_latest_hours_with_one_half()
    {
        // c1..c3 = 100, c4..c12 = 10: w* = 10/100 = 0.1 → w = 0.5.
        // Σ w^(i−1)·ci = 100·(1 + ½ + ¼) + 10·(⅛ + … + 1/2048) = 175 + 10·0.24951171875 = 177.4951171875
        // Σ w^(i−1) = 2·(1 − 1/4096) = 1.99951171875 → NowCast = 88.769230769… (= 1154/13).
        double?[] hours = [100, 100, 100, 10, 10, 10, 10, 10, 10, 10, 10, 10];
        Assert.Equal(1154.0 / 13, VnAqi.NowCast(hours)!.Value, 9);

        // PM2.5 88.77 lies in 80…150 (I 150…200): 50/70 × 8.769 + 150 = 156.26 → 156, band "bad".
        var aqi = VnAqi.Hourly(new HourlyAqiInput(hours, NoHours, null, null, null, null))!;
        Assert.Equal(156, aqi.Aqi);
        Assert.Equal(AqiBands.Bad, aqi.Band);
        Assert.Equal(AqiPollutants.Pm25, aqi.Dominant);
    }

    [Fact]
    public void NowCast_with_a_gentle_change_uses_the_ratio_as_weight()
    {
        // 30, 25, 20: w = 20/30 = ⅔; (30 + ⅔·25 + 4/9·20) / (1 + ⅔ + 4/9) = (500/9) / (19/9) = 500/19 = 26.3158.
        double?[] hours = [30, 25, 20, null, null, null, null, null, null, null, null, null];
        Assert.Equal(500.0 / 19, VnAqi.NowCast(hours)!.Value, 9);
        // PM2.5 26.32 in 25…50 (I 50…100): 2 × 1.3158 + 50 = 52.63 → 53.
        Assert.Equal(53, VnAqi.Hourly(new HourlyAqiInput(hours, NoHours, null, null, null, null))!.Aqi);
    }

    [Fact]
    public void NowCast_skips_missing_hours_in_both_sums()
    {
        // c1 = 40, c2 missing, c3 = 30, c4 missing, c5 = 20: w = 20/40 = ½ (the floor).
        // (40 + ¼·30 + 1/16·20) / (1 + ¼ + 1/16) = 48.75 / 1.3125 = 37.142857.
        double?[] hours = [40, null, 30, null, 20, null, null, null, null, null, null, null];
        Assert.Equal(48.75 / 1.3125, VnAqi.NowCast(hours)!.Value, 9);
        // 2 × (37.142857 − 25) + 50 = 74.29 → 74, moderate.
        var aqi = VnAqi.Hourly(new HourlyAqiInput(hours, NoHours, null, null, null, null))!;
        Assert.Equal(74, aqi.Aqi);
        Assert.Equal(AqiBands.Moderate, aqi.Band);
    }

    [Fact]
    public void NowCast_needs_two_of_the_last_three_hours()
    {
        double?[] onlyOneRecent = [40, null, null, 30, 30, 30, 30, 30, 30, 30, 30, 30];
        Assert.Null(VnAqi.NowCast(onlyOneRecent));
        double?[] twoRecent = [null, 40, 40, null, null, null, null, null, null, null, null, null];
        Assert.Equal(40, VnAqi.NowCast(twoRecent)!.Value, 9);

        // Without a PM NowCast there is no AQI, even with the gases present.
        Assert.Null(VnAqi.Hourly(new HourlyAqiInput(onlyOneRecent, onlyOneRecent, 180, 5000, 50, 40)));
    }

    [Fact]
    public void The_hourly_AQI_is_the_largest_sub_index_and_names_its_pollutant()
    {
        // PM2.5 constant 30 → NowCast 30 → 2 × 5 + 50 = 60. O3 1 h 180 in 160…200 (I 50…100): 50/40 × 20 + 50 = 75.
        // CO 5000 → 50/10000 × 5000 = 25. SO2 50 → 50/125 × 50 = 20. NO2 40 → 20.
        var pm = Enumerable.Repeat<double?>(30, 12).ToList();
        var aqi = VnAqi.Hourly(new HourlyAqiInput(pm, NoHours, 180, 5000, 50, 40))!;
        Assert.Equal(75, aqi.Aqi);
        Assert.Equal(AqiPollutants.O3, aqi.Dominant);
        Assert.Equal(new Dictionary<string, int> { ["PM2.5"] = 60, ["O3"] = 75, ["CO"] = 25, ["SO2"] = 20, ["NO2"] = 20 }, aqi.SubIndices);
    }

    [Fact]
    public void Daily_O3_takes_the_larger_of_its_1_hour_and_8_hour_sub_indices()
    {
        // Max 1 h 180 → 75; max 8 h 130 in 120…170 (I 100…150): 50/50 × 10 + 100 = 110; PM2.5 24 h 30 → 60.
        var aqi = VnAqi.Daily(new DailyAqiInput(30, null, 180, 130, null, null, null))!;
        Assert.Equal(110, aqi.Aqi);
        Assert.Equal(AqiPollutants.O3, aqi.Dominant);
        Assert.Equal(AqiBands.Poor, aqi.Band);
        Assert.Equal(60, aqi.SubIndices[AqiPollutants.Pm25]);
    }

    [Fact]
    public void Daily_O3_8_hour_means_above_400_are_not_used()
    {
        // Max 1 h 500 in 400…800 (I 200…300): 100/400 × 100 + 200 = 225. The 8-hour table stops at 400 (I 300), so 450 is left out.
        var aqi = VnAqi.Daily(new DailyAqiInput(20, null, 500, 450, null, null, null))!;
        Assert.Equal(225, aqi.Aqi);
        Assert.Equal(AqiBands.VeryBad, aqi.Band);

        // At 350 the 8-hour value counts: 100/190 × 140 + 200 = 273.68 → 274.
        Assert.Equal(274, VnAqi.Daily(new DailyAqiInput(20, null, 500, 350, null, null, null))!.Aqi);
        Assert.Null(VnAqi.SubIndex(AqiBreakpoints.O3EightHour, 400.5));
        Assert.Equal(300, VnAqi.SubIndex(AqiBreakpoints.O3EightHour, 400));
    }

    [Fact]
    public void Daily_AQI_needs_a_PM_mean_and_uses_the_days_largest_hourly_gases()
    {
        Assert.Null(VnAqi.Daily(new DailyAqiInput(null, null, 300, 200, 40000, 900, 800)));
        // PM10 24 h 120 in 50…150 (I 50…100): 50/100 × 70 + 50 = 85; SO2 max 900 in 800…1600 (I 200…300): 100/800 × 100 + 200 = 212.5 → 213.
        var aqi = VnAqi.Daily(new DailyAqiInput(null, 120, null, null, null, 900, null))!;
        Assert.Equal(213, aqi.Aqi);
        Assert.Equal(AqiPollutants.So2, aqi.Dominant);
        Assert.Equal(85, aqi.SubIndices[AqiPollutants.Pm10]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(25, 50)]
    [InlineData(50, 100)]
    [InlineData(80, 150)]
    [InlineData(150, 200)]
    [InlineData(250, 300)]
    [InlineData(350, 400)]
    [InlineData(500, 500)]
    [InlineData(900, 500)]
    [InlineData(-3, 0)]
    public void PM25_breakpoints_map_to_their_levels(double concentration, int level) =>
        Assert.Equal(level, VnAqi.SubIndex(AqiBreakpoints.Pm25, concentration));

    [Theory]
    [InlineData(50, "good")]
    [InlineData(51, "moderate")]
    [InlineData(100, "moderate")]
    [InlineData(101, "poor")]
    [InlineData(150, "poor")]
    [InlineData(151, "bad")]
    [InlineData(200, "bad")]
    [InlineData(201, "very_bad")]
    [InlineData(300, "very_bad")]
    [InlineData(301, "hazardous")]
    public void Bands_follow_the_Decision(int aqi, string band) => Assert.Equal(band, AqiBands.Of(aqi));

    [Fact]
    public void Half_values_round_away_from_zero() => Assert.Equal(213, VnAqi.Round(212.5));
}
