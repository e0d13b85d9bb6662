using EnvGis.Core.Filters;
using System.Text.Json;
using EnvGis.Core.Styling;

namespace EnvGis.Core.Tests.Styling;

/// <summary>The portal's wire format: property names, discriminators and omitted nulls.</summary>
public sealed class StyleJsonTests
{
    [Fact]
    public void Polluted_zones_serialise_to_the_portal_shape()
    {
        using var json = Serialize("polluted_zones");
        var root = json.RootElement;

        Assert.Equal(["layer", "name", "title", "rules"], Keys(root));
        Assert.Equal("polluted_zones", root.GetProperty("layer").GetString());
        Assert.Equal("polluted_zones", root.GetProperty("name").GetString());
        Assert.Equal("Khu vực ô nhiễm môi trường", root.GetProperty("title").GetProperty("vi").GetString());
        Assert.Equal("Polluted zones", root.GetProperty("title").GetProperty("en").GetString());

        var critical = Rule(root, "critical");
        Assert.Equal(["name", "title", "filter", "isElse", "symbolizers"], Keys(critical));
        Assert.Equal("Ô nhiễm nghiêm trọng", critical.GetProperty("title").GetProperty("vi").GetString());
        Assert.Equal("Critical", critical.GetProperty("title").GetProperty("en").GetString());
        Assert.False(critical.GetProperty("isElse").GetBoolean());
        var filter = critical.GetProperty("filter");
        Assert.Equal(["op", "property", "value"], Keys(filter));
        Assert.Equal("eq", filter.GetProperty("op").GetString());
        Assert.Equal("severity", filter.GetProperty("property").GetString());
        Assert.Equal("critical", filter.GetProperty("value").GetString());

        var polygon = Assert.Single(critical.GetProperty("symbolizers").EnumerateArray());
        Assert.Equal(["type", "fill", "fillOpacity", "stroke", "strokeWidth", "strokeOpacity", "strokeDasharray"], Keys(polygon));
        Assert.Equal("polygon", polygon.GetProperty("type").GetString());
        Assert.Equal("#800026", polygon.GetProperty("fill").GetString());
        Assert.Equal(0.5, polygon.GetProperty("fillOpacity").GetDouble());
        Assert.Equal("#4a0015", polygon.GetProperty("stroke").GetString());
        Assert.Equal(1.5, polygon.GetProperty("strokeWidth").GetDouble());
        Assert.Equal(1, polygon.GetProperty("strokeOpacity").GetDouble());
        Assert.Equal(JsonValueKind.Null, polygon.GetProperty("strokeDasharray").ValueKind);

        var label = Rule(root, "label");
        Assert.Equal(["name", "title", "isElse", "maxScaleDenominator", "symbolizers"], Keys(label));
        Assert.Equal(100000, label.GetProperty("maxScaleDenominator").GetDouble());
        var text = Assert.Single(label.GetProperty("symbolizers").EnumerateArray());
        Assert.Equal(
            ["type", "label", "fontFamily", "fontSize", "fontWeight", "fontStyle", "fill", "haloColor", "haloRadius", "placement"],
            Keys(text));
        Assert.Equal("text", text.GetProperty("type").GetString());
        Assert.Equal("name", text.GetProperty("label").GetString());
        Assert.Equal("Noto Sans", text.GetProperty("fontFamily").GetString());
        Assert.Equal(11, text.GetProperty("fontSize").GetDouble());
        Assert.Equal("normal", text.GetProperty("fontWeight").GetString());
        Assert.Equal("normal", text.GetProperty("fontStyle").GetString());
        Assert.Equal("#222222", text.GetProperty("fill").GetString());
        Assert.Equal("#ffffff", text.GetProperty("haloColor").GetString());
        Assert.Equal(1.5, text.GetProperty("haloRadius").GetDouble());
        Assert.Equal("point", text.GetProperty("placement").GetString());
    }

    [Fact]
    public void Points_and_AQI_filters_serialise_to_the_portal_shape()
    {
        using var json = Serialize("monitoring_stations");
        var good = Rule(json.RootElement, "air_aqi_good");

        var point = Assert.Single(good.GetProperty("symbolizers").EnumerateArray());
        Assert.Equal(["type", "mark", "size", "fill", "fillOpacity", "stroke", "strokeWidth", "rotation"], Keys(point));
        Assert.Equal("point", point.GetProperty("type").GetString());
        Assert.Equal("circle", point.GetProperty("mark").GetString());
        Assert.Equal(12, point.GetProperty("size").GetDouble());
        Assert.Equal("#00e400", point.GetProperty("fill").GetString());
        Assert.Equal(0, point.GetProperty("rotation").GetDouble());

        var and = good.GetProperty("filter");
        Assert.Equal(["op", "filters"], Keys(and));
        Assert.Equal("and", and.GetProperty("op").GetString());
        var between = and.GetProperty("filters")[1];
        Assert.Equal(["op", "property", "lower", "upper"], Keys(between));
        Assert.Equal("between", between.GetProperty("op").GetString());
        Assert.Equal(JsonValueKind.Number, between.GetProperty("lower").ValueKind);
        Assert.Equal(0, between.GetProperty("lower").GetDouble());
        Assert.Equal(50, between.GetProperty("upper").GetDouble());

        var moderate = Rule(json.RootElement, "air_aqi_moderate").GetProperty("filter").GetProperty("filters");
        Assert.Equal("gt", moderate[1].GetProperty("op").GetString());
        Assert.Equal(JsonValueKind.Number, moderate[1].GetProperty("value").ValueKind);
        Assert.Equal("le", moderate[2].GetProperty("op").GetString());
    }

    [Fact]
    public void Lines_serialise_with_their_dashes()
    {
        using var json = Serialize("rivers");

        var main = Rule(json.RootElement, "main").GetProperty("symbolizers")[0];
        var canal = Rule(json.RootElement, "canal").GetProperty("symbolizers")[0];
        Assert.Equal(["type", "stroke", "strokeWidth", "strokeOpacity", "strokeDasharray"], Keys(main));
        Assert.Equal("line", main.GetProperty("type").GetString());
        Assert.Equal(3, main.GetProperty("strokeWidth").GetDouble());
        Assert.Equal(JsonValueKind.Null, main.GetProperty("strokeDasharray").ValueKind);
        Assert.Equal([6d, 2d], canal.GetProperty("strokeDasharray").EnumerateArray().Select(d => d.GetDouble()));
        Assert.Equal("line", Rule(json.RootElement, "label").GetProperty("symbolizers")[0].GetProperty("placement").GetString());
    }

    [Fact]
    public void Unpainted_fill_is_omitted()
    {
        using var json = Serialize("communes");

        var boundary = Rule(json.RootElement, "boundary").GetProperty("symbolizers")[0];
        Assert.Equal(["type", "stroke", "strokeWidth", "strokeOpacity", "strokeDasharray"], Keys(boundary));
    }

    [Fact]
    public void Every_filter_kind_has_its_op()
    {
        FilterNode filter = new OrNode(
        [
            new LikeNode(new PropertyReference("p"), new TextLiteral(LikePattern.FromWildcards("abc*", "*", ".", "!"))),
            new NotNode(new NullNode(new PropertyReference("p"))),
            new ComparisonNode(ComparisonOperator.LessThan, new PropertyReference("n"), new TextLiteral("1")),
            new ComparisonNode(ComparisonOperator.GreaterThanOrEqualTo, new PropertyReference("b"), new TextLiteral("true")),
        ]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(filter, new JsonSerializerOptions(StyleJson.Options) { Converters = { new StyleFilterJson() } }));
        var parts = json.RootElement.GetProperty("filters");

        Assert.Equal("or", json.RootElement.GetProperty("op").GetString());
        Assert.Equal(["op", "property", "pattern", "wildCard", "singleChar", "escapeChar"], Keys(parts[0]));
        Assert.Equal("like", parts[0].GetProperty("op").GetString());
        // Patterns travel in the canonical form, with its wildcard characters named.
        Assert.Equal("abc%", parts[0].GetProperty("pattern").GetString());
        Assert.Equal("%", parts[0].GetProperty("wildCard").GetString());
        Assert.Equal("\\", parts[0].GetProperty("escapeChar").GetString());
        Assert.Equal(["op", "filter"], Keys(parts[1]));
        Assert.Equal("not", parts[1].GetProperty("op").GetString());
        Assert.Equal(["op", "property"], Keys(parts[1].GetProperty("filter")));
        Assert.Equal("isNull", parts[1].GetProperty("filter").GetProperty("op").GetString());
        Assert.Equal("lt", parts[2].GetProperty("op").GetString());
        Assert.Equal(JsonValueKind.Number, parts[2].GetProperty("value").ValueKind);
        Assert.Equal("ge", parts[3].GetProperty("op").GetString());
        Assert.Equal(JsonValueKind.True, parts[3].GetProperty("value").ValueKind);
    }

    [Fact]
    public void The_wire_format_reads_back_into_the_same_rules()
    {
        using var stream = File.OpenRead(Path.Combine(StylingPaths.StylesFolder, "monitoring_stations.sld"));
        var style = SldReader.Read(stream, "monitoring_stations").Style;

        var copy = JsonSerializer.Deserialize<LayerStyle>(StyleJson.Serialize(style), StyleJson.Options)!;

        Assert.Equal(style.Rules.Select(r => r.Name), copy.Rules.Select(r => r.Name));
        Assert.Equal("air_aqi_moderate", Assert.Single(copy.RulesFor(n => n switch { "station_type" => "air", "aqi" => 75, _ => null }, 1e6)).Name);
    }

    private static JsonDocument Serialize(string layer)
    {
        using var stream = File.OpenRead(Path.Combine(StylingPaths.StylesFolder, layer + ".sld"));
        return JsonDocument.Parse(StyleJson.Serialize(SldReader.Read(stream, layer).Style));
    }

    private static JsonElement Rule(JsonElement style, string name) =>
        style.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static List<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
