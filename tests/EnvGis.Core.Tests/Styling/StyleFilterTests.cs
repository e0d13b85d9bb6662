using System.Text.Json;
using EnvGis.Core.Filters;
using EnvGis.Core.Styling;

namespace EnvGis.Core.Tests.Styling;

public sealed class StyleFilterTests
{
    private static readonly Lazy<LayerStyle> Stations = new(() => ReadStyle("monitoring_stations"));

    // VN_AQI bands and colours of Decision 1459/QĐ-TCMT; 1:1 000 000 hides the name labels.
    [Theory]
    [InlineData(0, "air_aqi_good", "#00e400")]
    [InlineData(50, "air_aqi_good", "#00e400")]
    [InlineData(51, "air_aqi_moderate", "#ffff00")]
    [InlineData(75, "air_aqi_moderate", "#ffff00")]
    [InlineData(100, "air_aqi_moderate", "#ffff00")]
    [InlineData(101, "air_aqi_poor", "#ff7e00")]
    [InlineData(150, "air_aqi_poor", "#ff7e00")]
    [InlineData(151, "air_aqi_bad", "#ff0000")]
    [InlineData(200, "air_aqi_bad", "#ff0000")]
    [InlineData(201, "air_aqi_very_bad", "#8f3f97")]
    [InlineData(300, "air_aqi_very_bad", "#8f3f97")]
    [InlineData(301, "air_aqi_hazardous", "#7e0023")]
    [InlineData(500, "air_aqi_hazardous", "#7e0023")]
    public void An_air_station_is_drawn_in_its_VN_AQI_band_colour(int aqi, string rule, string colour)
    {
        var drawn = Assert.Single(Stations.Value.RulesFor(Properties(("station_type", "air"), ("aqi", aqi)), 1_000_000));

        Assert.Equal(rule, drawn.Name);
        Assert.Equal(colour, Assert.IsType<PointSymbolizer>(Assert.Single(drawn.Symbolizers)).Fill);
    }

    [Theory]
    [MemberData(nameof(AqiValuesOfOtherTypes))]
    public void The_AQI_bands_accept_values_from_any_source(object aqi)
    {
        var drawn = Assert.Single(Stations.Value.RulesFor(Properties(("station_type", "air"), ("aqi", aqi)), 1_000_000));

        Assert.Equal("air_aqi_moderate", drawn.Name);
    }

    public static TheoryData<object> AqiValuesOfOtherTypes() =>
        [75L, 75.0, 75m, (short)75, "75", JsonDocument.Parse("75").RootElement];

    [Fact]
    public void An_air_station_without_AQI_is_grey_and_a_water_station_ignores_AQI()
    {
        var noAqi = Assert.Single(Stations.Value.RulesFor(Properties(("station_type", "air")), 1_000_000));
        var water = Assert.Single(Stations.Value.RulesFor(Properties(("station_type", "surface_water"), ("aqi", 75)), 1_000_000));

        Assert.Equal("air_no_aqi", noAqi.Name);
        Assert.Equal(("surface_water", "triangle"), (water.Name, ((PointSymbolizer)water.Symbolizers[0]).Mark));
    }

    [Fact]
    public void Labels_only_apply_at_large_scales()
    {
        var props = Properties(("station_type", "air"), ("aqi", 20), ("name", "Tân Bình"));

        Assert.Equal(["air_aqi_good", "label"], Stations.Value.RulesFor(props, 10_000).Select(r => r.Name));
        Assert.Equal(["air_aqi_good"], Stations.Value.RulesFor(props, 50_000).Select(r => r.Name));
        Assert.Equal(["air_aqi_good", "label"], Stations.Value.RulesFor(props).Select(r => r.Name));
    }

    [Theory]
    [InlineData(true, "polluting")]
    [InlineData(false, "not_polluting")]
    [InlineData("true", "polluting")]
    [InlineData(null, "not_assessed")]
    public void Boolean_literals_match_boolean_attributes(object? polluting, string rule)
    {
        var style = ReadStyle("craft_villages");

        Assert.Equal(rule, Assert.Single(style.RulesFor(Properties(("polluting", polluting)), 1_000_000)).Name);
    }

    [Fact]
    public void Else_rules_apply_only_when_no_other_rule_does()
    {
        var line = new LineSymbolizer("#000000", 1, 1, null);
        var style = new LayerStyle("l", "l", new("l", "l"),
        [
            new StyleRule("main", new("m", "m"), Compare(ComparisonOperator.EqualTo, "kind", "main"), false, null, null, [line]),
            new StyleRule("other", new("o", "o"), null, true, null, null, [line]),
        ]);

        Assert.Equal("main", Assert.Single(style.RulesFor(Properties(("kind", "main")))).Name);
        Assert.Equal("other", Assert.Single(style.RulesFor(Properties(("kind", "canal")))).Name);
    }

    [Theory]
    [InlineData("Sông Cấm", true)]
    [InlineData("sông Cấm", false)]
    [InlineData("Sông", true)]
    [InlineData("Kênh An Kim Hải", false)]
    public void Like_matches_wildcards_case_sensitively(string name, bool expected)
    {
        var like = Like("name", "Sông*");

        Assert.Equal(expected, Accepts(like, Properties(("name", name))));
    }

    [Fact]
    public void Like_handles_single_characters_escapes_and_regex_metacharacters()
    {
        var like = Like("code", "HP-..!*(1)*");

        Assert.True(Accepts(like, Properties(("code", "HP-01*(1)x"))));
        Assert.False(Accepts(like, Properties(("code", "HP-01x(1)x"))));
    }

    [Fact]
    public void Comparisons_with_a_missing_value_are_unknown_as_in_sql_and_not_keeps_them_unknown()
    {
        var empty = Properties();

        Assert.Null(FilterEvaluator.Untyped.Evaluate(Compare(ComparisonOperator.EqualTo, "a", "1"), empty));
        Assert.False(Accepts(Compare(ComparisonOperator.NotEqualTo, "a", "1"), empty));
        Assert.False(Accepts(new BetweenNode(new PropertyReference("a"), new TextLiteral("0"), new TextLiteral("1")), empty));
        Assert.True(Accepts(new NullNode(new PropertyReference("a")), empty));
        // The database says NOT (NULL = 1) is NULL, so the row is not selected; the evaluator agrees.
        Assert.False(Accepts(new NotNode(Compare(ComparisonOperator.EqualTo, "a", "1")), empty));
    }

    [Fact]
    public void Dates_compare_as_dates_and_text_as_text()
    {
        var since = Compare(ComparisonOperator.GreaterThanOrEqualTo, "detected_on", "2025-07-01");

        Assert.True(Accepts(since, Properties(("detected_on", new DateOnly(2025, 7, 1)))));
        Assert.True(Accepts(since, Properties(("detected_on", new DateTime(2025, 8, 2)))));
        Assert.False(Accepts(since, Properties(("detected_on", "2024-12-31"))));
        Assert.True(Accepts(Compare(ComparisonOperator.LessThan, "river_class", "main"), Properties(("river_class", "canal"))));
    }

    private static ComparisonNode Compare(ComparisonOperator op, string property, string literal) =>
        new(op, new PropertyReference(property), new TextLiteral(literal));

    private static LikeNode Like(string property, string pattern) =>
        new(new PropertyReference(property), new TextLiteral(LikePattern.FromWildcards(pattern, "*", ".", "!")));

    private static bool Accepts(FilterNode filter, Func<string, object?> values) => FilterEvaluator.Untyped.Accepts(filter, values);

    private static Func<string, object?> Properties(params (string Name, object? Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }

    private static LayerStyle ReadStyle(string layer)
    {
        using var stream = File.OpenRead(Path.Combine(StylingPaths.StylesFolder, layer + ".sld"));
        return SldReader.Read(stream, layer).Style;
    }
}
