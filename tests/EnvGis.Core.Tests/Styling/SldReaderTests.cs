using EnvGis.Core.Filters;
using System.Text;
using EnvGis.Core.Styling;

namespace EnvGis.Core.Tests.Styling;

public sealed class SldReaderTests
{
    [Fact]
    public void Reads_titles_with_the_en_abstract_convention()
    {
        var style = Read(SldSamples.WithRules(SldSamples.Rule("a", SldSamples.RedLine))).Style;

        Assert.Equal("test", style.Layer);
        Assert.Equal("Lớp thử", style.Title.Vi);
        Assert.Equal("Test layer", style.Title.En);
        Assert.Equal("Quy tắc a", style.Rules[0].Title.Vi);
        Assert.Equal("Rule a", style.Rules[0].Title.En);
    }

    [Fact]
    public void Reads_every_supported_symbolizer_property()
    {
        var sld = SldSamples.WithRules(SldSamples.Rule("all", """
            <MinScaleDenominator>1000</MinScaleDenominator>
            <MaxScaleDenominator>500000</MaxScaleDenominator>
            <PolygonSymbolizer>
              <Fill><CssParameter name="fill">#E31A1C</CssParameter><CssParameter name="fill-opacity">0.45</CssParameter></Fill>
              <Stroke>
                <CssParameter name="stroke">#800026</CssParameter><CssParameter name="stroke-width">1.5</CssParameter>
                <CssParameter name="stroke-opacity"><ogc:Literal>0.8</ogc:Literal></CssParameter>
                <CssParameter name="stroke-dasharray">4 2</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
            <LineSymbolizer><Stroke><CssParameter name="stroke">#1f78b4</CssParameter><CssParameter name="stroke-width">2</CssParameter></Stroke></LineSymbolizer>
            <PointSymbolizer><Graphic>
              <Mark><WellKnownName>Star</WellKnownName><Fill><CssParameter name="fill">#33a02c</CssParameter></Fill>
                <Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark>
              <Size>10</Size><Rotation>45</Rotation>
            </Graphic></PointSymbolizer>
            <TextSymbolizer>
              <Label><ogc:PropertyName>name</ogc:PropertyName></Label>
              <Font><CssParameter name="font-family">Noto Sans</CssParameter><CssParameter name="font-size">12</CssParameter>
                <CssParameter name="font-weight">bold</CssParameter><CssParameter name="font-style">italic</CssParameter></Font>
              <LabelPlacement><LinePlacement/></LabelPlacement>
              <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
              <Fill><CssParameter name="fill">#222222</CssParameter></Fill>
            </TextSymbolizer>
            """));

        var result = Read(sld);

        Assert.Empty(result.Warnings);
        var rule = Assert.Single(result.Style.Rules);
        Assert.Equal(1000d, rule.MinScaleDenominator);
        Assert.Equal(500000d, rule.MaxScaleDenominator);
        Assert.Null(rule.Filter);
        var polygon = Assert.IsType<PolygonSymbolizer>(rule.Symbolizers[0]);
        Assert.Equal(new PolygonSymbolizer("#e31a1c", 0.45, "#800026", 1.5, 0.8, null), polygon with { StrokeDasharray = null });
        Assert.Equal([4d, 2d], polygon.StrokeDasharray!);
        Assert.Equal(new LineSymbolizer("#1f78b4", 2, 1, null), rule.Symbolizers[1]);
        Assert.Equal(new PointSymbolizer("star", 10, "#33a02c", 1, "#ffffff", 1, 45), rule.Symbolizers[2]);
        Assert.Equal(
            new TextSymbolizer("name", "Noto Sans", 12, "bold", "italic", "#222222", "#ffffff", 1.5, TextSymbolizer.LinePlacement),
            rule.Symbolizers[3]);
    }

    [Fact]
    public void Applies_SLD_defaults()
    {
        var sld = SldSamples.WithRules(SldSamples.Rule("defaults", """
            <PolygonSymbolizer><Fill/></PolygonSymbolizer>
            <PointSymbolizer/>
            <TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Halo/></TextSymbolizer>
            """));

        var symbolizers = Assert.Single(Read(sld).Style.Rules).Symbolizers;

        Assert.Equal(new PolygonSymbolizer("#808080", 1, null, null, null, null), symbolizers[0]);
        Assert.Equal(new PointSymbolizer("square", 6, "#808080", 1, "#000000", 1, 0), symbolizers[1]);
        Assert.Equal(new TextSymbolizer("name", "Noto Sans", 10, "normal", "normal", "#000000", "#ffffff", 1, "point"), symbolizers[2]);
    }

    [Fact]
    public void ExternalGraphic_gives_a_warning_and_a_mark_is_drawn_instead()
    {
        var sld = SldSamples.WithRules(SldSamples.Rule("icon", """
            <PointSymbolizer><Graphic>
              <ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="http://example.org/icon.png"/><Format>image/png</Format></ExternalGraphic>
              <Size>16</Size>
            </Graphic></PointSymbolizer>
            """));

        var result = Read(sld);

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("ExternalGraphic", warning.Message);
        Assert.Contains("rule 'icon'", warning.Message);
        Assert.Equal("test", warning.Layer);
        Assert.True(warning.Line > 0);
        var point = Assert.IsType<PointSymbolizer>(Assert.Single(Assert.Single(result.Style.Rules).Symbolizers));
        Assert.Equal(("square", 16d), (point.Mark, point.Size));
    }

    [Theory]
    [InlineData("<PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark/></Graphic></GraphicFill><CssParameter name=\"fill\">#00ff00</CssParameter></Fill></PolygonSymbolizer>", "GraphicFill")]
    [InlineData("<LineSymbolizer><Stroke><GraphicStroke><Graphic><Mark/></Graphic></GraphicStroke></Stroke></LineSymbolizer>", "GraphicStroke")]
    [InlineData("<LineSymbolizer><Stroke><CssParameter name=\"stroke\"><ogc:Function name=\"env\"><ogc:Literal>c</ogc:Literal></ogc:Function></CssParameter></Stroke></LineSymbolizer>", "Function")]
    [InlineData("<LineSymbolizer><Stroke><CssParameter name=\"stroke-linecap\">round</CssParameter></Stroke></LineSymbolizer>", "stroke-linecap")]
    [InlineData("<LineSymbolizer><Geometry><ogc:PropertyName>geom</ogc:PropertyName></Geometry><Stroke/></LineSymbolizer>", "Geometry")]
    [InlineData("<LineSymbolizer><Stroke><CssParameter name=\"stroke\">red</CssParameter></Stroke></LineSymbolizer>", "red")]
    [InlineData("<LineSymbolizer><Stroke/><VendorOption name=\"x\">1</VendorOption></LineSymbolizer>", "VendorOption")]
    [InlineData("<PointSymbolizer><Graphic><Mark><WellKnownName>shape://vertline</WellKnownName></Mark><Opacity>0.5</Opacity></Graphic></PointSymbolizer>", "shape://vertline")]
    [InlineData("<PointSymbolizer><Graphic><Mark/><Opacity>0.5</Opacity></Graphic></PointSymbolizer>", "Opacity")]
    [InlineData("<TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><LabelPlacement><PointPlacement><Displacement><DisplacementX>4</DisplacementX><DisplacementY>0</DisplacementY></Displacement></PointPlacement></LabelPlacement></TextSymbolizer>", "Displacement")]
    [InlineData("<RasterSymbolizer/><LineSymbolizer><Stroke/></LineSymbolizer>", "RasterSymbolizer")]
    [InlineData("<LegendGraphic><Graphic/></LegendGraphic><LineSymbolizer><Stroke/></LineSymbolizer>", "LegendGraphic")]
    public void Unsupported_content_gives_a_warning(string symbolizers, string mentioned)
    {
        var result = Read(SldSamples.WithRules(SldSamples.Rule("r", symbolizers)));

        Assert.Contains(result.Warnings, w => w.Message.Contains(mentioned, StringComparison.Ordinal));
    }

    [Fact]
    public void A_label_that_is_not_a_property_leaves_the_text_symbolizer_out()
    {
        var sld = SldSamples.WithRules(SldSamples.Rule("r", """
            <TextSymbolizer><Label>Trạm <ogc:PropertyName>name</ogc:PropertyName></Label></TextSymbolizer>
            """ + SldSamples.RedLine));

        var result = Read(sld);

        Assert.Contains(result.Warnings, w => w.Message.Contains("Label", StringComparison.Ordinal));
        Assert.IsType<LineSymbolizer>(Assert.Single(Assert.Single(result.Style.Rules).Symbolizers));
    }

    [Fact]
    public void A_rule_with_an_unsupported_filter_is_left_out_with_a_warning()
    {
        var sld = SldSamples.WithRules(
            SldSamples.Rule("spatial", """
                <ogc:Filter><ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName>
                  <gml:Box xmlns:gml="http://www.opengis.net/gml"><gml:coordinates>0,0 1,1</gml:coordinates></gml:Box></ogc:BBOX></ogc:Filter>
                """ + SldSamples.RedLine)
            + SldSamples.Rule("kept", SldSamples.RedLine));

        var result = Read(sld);

        Assert.Equal("kept", Assert.Single(result.Style.Rules).Name);
        Assert.Contains(result.Warnings, w => w.Message.Contains("BBOX", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Message.Contains("rule 'spatial'", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_filters_of_every_supported_kind()
    {
        var sld = SldSamples.WithRules(SldSamples.Rule("f", """
            <ogc:Filter><ogc:Or>
              <ogc:Not><ogc:PropertyIsNull><ogc:PropertyName>a</ogc:PropertyName></ogc:PropertyIsNull></ogc:Not>
              <ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>Sông*</ogc:Literal></ogc:PropertyIsLike>
              <ogc:PropertyIsBetween><ogc:PropertyName>aqi</ogc:PropertyName>
                <ogc:LowerBoundary><ogc:Literal>0</ogc:Literal></ogc:LowerBoundary><ogc:UpperBoundary><ogc:Literal>50</ogc:Literal></ogc:UpperBoundary></ogc:PropertyIsBetween>
              <ogc:PropertyIsLessThan><ogc:Literal>5</ogc:Literal><ogc:PropertyName>depth</ogc:PropertyName></ogc:PropertyIsLessThan>
              <ogc:PropertyIsNotEqualTo><ogc:PropertyName>automatic</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsNotEqualTo>
            </ogc:Or></ogc:Filter>
            """ + SldSamples.RedLine));

        var result = Read(sld);

        Assert.Empty(result.Warnings);
        // The shared filter tree: untyped literals, LIKE in the canonical pattern form.
        var or = Assert.IsType<OrNode>(Assert.Single(result.Style.Rules).Filter);
        Assert.Equal(new NotNode(new NullNode(new PropertyReference("a"))), or.Operands[0]);
        Assert.Equal(new LikeNode(new PropertyReference("name"), new TextLiteral("Sông%")), or.Operands[1]);
        Assert.Equal(new BetweenNode(new PropertyReference("aqi"), new TextLiteral("0"), new TextLiteral("50")), or.Operands[2]);
        // "5 < depth" is read as "depth > 5".
        Assert.Equal(new ComparisonNode(ComparisonOperator.GreaterThan, new PropertyReference("depth"), new TextLiteral("5")), or.Operands[3]);
        Assert.Equal(new ComparisonNode(ComparisonOperator.NotEqualTo, new PropertyReference("automatic"), new TextLiteral("true")), or.Operands[4]);
    }

    [Fact]
    public void ElseFilter_marks_the_rule_as_else()
    {
        var sld = SldSamples.WithRules(SldSamples.Rule("other", "<ElseFilter/>" + SldSamples.RedLine));

        Assert.True(Assert.Single(Read(sld).Style.Rules).IsElse);
    }

    [Fact]
    public void A_name_other_than_the_layer_gives_a_warning()
    {
        var sld = SldSamples.WithRules(SldSamples.Rule("r", SldSamples.RedLine));

        var result = SldReader.Read(new StringReader(sld), "rivers");

        Assert.Contains(result.Warnings, w => w.Message.Contains("NamedLayer is 'test'", StringComparison.Ordinal));
        Assert.Equal("rivers", result.Style.Layer);
    }

    [Fact]
    public void A_document_that_is_not_an_SLD_is_refused()
    {
        Assert.Throws<SldFormatException>(() => Read("<kml xmlns=\"http://www.opengis.net/kml/2.2\"/>"));
        Assert.Throws<SldFormatException>(() => Read("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"/>"));
        Assert.Throws<SldFormatException>(() => Read("<StyledLayerDescriptor"));
    }

    [Fact]
    public void An_external_entity_is_refused_and_never_resolved()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"envgis-sld-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var sld = $"""
                <?xml version="1.0"?>
                <!DOCTYPE StyledLayerDescriptor [ <!ENTITY xxe SYSTEM "{new Uri(secret).AbsoluteUri}"> ]>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <NamedLayer><Name>test</Name><UserStyle><Title>&xxe;</Title><FeatureTypeStyle/></UserStyle></NamedLayer>
                </StyledLayerDescriptor>
                """;

            var error = Assert.Throws<SldFormatException>(() => ReadBytes(sld));

            Assert.IsType<System.Xml.XmlException>(error.InnerException);
            Assert.Contains("DTD", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("TOP-SECRET", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [InlineData("<!DOCTYPE StyledLayerDescriptor SYSTEM \"http://127.0.0.1:9/sld.dtd\">")]
    [InlineData("<!DOCTYPE StyledLayerDescriptor [ <!ENTITY a \"aaaaaaaaaa\"> <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"> ]>")]
    public void Any_DTD_is_refused(string doctype)
    {
        var sld = doctype + "\n<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"/>";

        Assert.Throws<SldFormatException>(() => Read(sld));
        Assert.Throws<SldFormatException>(() => ReadBytes(sld));
    }

    private static SldReadResult Read(string sld) => SldReader.Read(new StringReader(sld), "test");

    private static SldReadResult ReadBytes(string sld) =>
        SldReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(sld)), "test");
}
