namespace EnvGis.Core.Monitoring;

/// <summary>
/// VN_AQI of Decision 1459/QĐ-TCMT (docs/monitoring.md "VN_AQI"): sub-indices by linear interpolation
/// between breakpoints, the 12-hour NowCast for PM, hourly and daily AQI. The AQI is the largest
/// sub-index, rounded to an integer, and exists only when PM2.5 or PM10 has one.
/// </summary>
public static class VnAqi
{
    /// <summary>NowCast needs at least this many of the last three hours.</summary>
    public const int NowCastMinRecentHours = 2;

    /// <summary>The sub-index of concentration <paramref name="c"/>, or null when the table has no breakpoint that high (O3 8-hour above 400).</summary>
    public static double? SubIndex(IReadOnlyList<double?> breakpoints, double c)
    {
        var levels = AqiBreakpoints.Levels;
        c = Math.Max(0, c);
        for (var i = 0; i + 1 < breakpoints.Count; i++)
        {
            if (breakpoints[i] is not { } low || breakpoints[i + 1] is not { } high)
            {
                return null;
            }

            if (c <= high)
            {
                return (double)(levels[i + 1] - levels[i]) / (high - low) * (c - low) + levels[i];
            }
        }

        // Above the last breakpoint of a complete table: the scale ends at 500.
        return breakpoints[^1] is null ? null : levels[^1];
    }

    /// <summary>
    /// The NowCast of hourly means c1 (the current hour, index 0) … c12: w* = Cmin / Cmax over the available
    /// hours, w = max(w*, ½), Σ w^(i−1)·ci / Σ w^(i−1) over the available hours; null unless at least two
    /// of c1, c2, c3 exist.
    /// </summary>
    public static double? NowCast(IReadOnlyList<double?> hours)
    {
        var recent = hours.Take(3).Count(h => h is not null);
        if (recent < NowCastMinRecentHours)
        {
            return null;
        }

        var available = hours.Take(12).Select((c, i) => (c, i)).Where(x => x.c is not null)
            .Select(x => (C: Math.Max(0, x.c!.Value), x.i)).ToList();
        var max = available.Max(x => x.C);
        var min = available.Min(x => x.C);
        var w = max > 0 ? Math.Max(min / max, 0.5) : 1;
        double numerator = 0, denominator = 0;
        foreach (var (c, i) in available)
        {
            var weight = Math.Pow(w, i);
            numerator += weight * c;
            denominator += weight;
        }

        return numerator / denominator;
    }

    /// <summary>The hourly AQI: NowCast for PM2.5 and PM10, the hour's mean for O3 (1-hour table), CO, SO2, NO2.</summary>
    public static AqiResult? Hourly(HourlyAqiInput input)
    {
        var sub = new Dictionary<string, double?>
        {
            [AqiPollutants.Pm25] = NowCast(input.Pm25Hours) is { } pm25 ? SubIndex(AqiBreakpoints.Pm25, pm25) : null,
            [AqiPollutants.Pm10] = NowCast(input.Pm10Hours) is { } pm10 ? SubIndex(AqiBreakpoints.Pm10, pm10) : null,
            [AqiPollutants.O3] = Sub(AqiBreakpoints.O3OneHour, input.O3),
            [AqiPollutants.Co] = Sub(AqiBreakpoints.Co, input.Co),
            [AqiPollutants.So2] = Sub(AqiBreakpoints.So2, input.So2),
            [AqiPollutants.No2] = Sub(AqiBreakpoints.No2, input.No2),
        };
        return Combine(sub);
    }

    /// <summary>
    /// The daily AQI: PM from the 24-hour means; O3 the larger of the sub-indices of the largest 1-hour and
    /// largest 8-hour means (the 8-hour one is left out above 400 µg/m³); CO, SO2, NO2 from the largest 1-hour mean.
    /// </summary>
    public static AqiResult? Daily(DailyAqiInput input)
    {
        var o3Hour = Sub(AqiBreakpoints.O3OneHour, input.O3MaxHour);
        var o3EightHour = Sub(AqiBreakpoints.O3EightHour, input.O3MaxEightHour);
        var sub = new Dictionary<string, double?>
        {
            [AqiPollutants.Pm25] = Sub(AqiBreakpoints.Pm25, input.Pm25Mean),
            [AqiPollutants.Pm10] = Sub(AqiBreakpoints.Pm10, input.Pm10Mean),
            [AqiPollutants.O3] = o3Hour is null ? o3EightHour : o3EightHour is null ? o3Hour : Math.Max(o3Hour.Value, o3EightHour.Value),
            [AqiPollutants.Co] = Sub(AqiBreakpoints.Co, input.CoMaxHour),
            [AqiPollutants.So2] = Sub(AqiBreakpoints.So2, input.So2MaxHour),
            [AqiPollutants.No2] = Sub(AqiBreakpoints.No2, input.No2MaxHour),
        };
        return Combine(sub);
    }

    /// <summary>Half away from zero, as people round.</summary>
    public static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static double? Sub(IReadOnlyList<double?> table, double? c) => c is { } value ? SubIndex(table, value) : null;

    private static AqiResult? Combine(Dictionary<string, double?> sub)
    {
        if (sub[AqiPollutants.Pm25] is null && sub[AqiPollutants.Pm10] is null)
        {
            return null;
        }

        var rounded = AqiPollutants.All.Where(p => sub[p] is not null).ToDictionary(p => p, p => Round(sub[p]!.Value));
        var dominant = AqiPollutants.All.Where(rounded.ContainsKey).MaxBy(p => rounded[p])!;
        var aqi = rounded[dominant];
        return new AqiResult(aqi, AqiBands.Of(aqi), dominant, rounded);
    }
}
