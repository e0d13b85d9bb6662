namespace EnvGis.Core.Tests.Styling;

/// <summary>Hand-written SLDs for reader tests: one layer "test" around the given rules.</summary>
internal static class SldSamples
{
    public static string WithRules(string rules) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
            xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink">
          <NamedLayer>
            <Name>test</Name>
            <UserStyle>
              <Name>test</Name>
              <Title>Lớp thử</Title>
              <Abstract>en: Test layer
        More description that is not part of the title.</Abstract>
              <FeatureTypeStyle>
                {rules}
              </FeatureTypeStyle>
            </UserStyle>
          </NamedLayer>
        </StyledLayerDescriptor>
        """;

    public static string Rule(string name, string body) => $"""
        <Rule>
          <Name>{name}</Name>
          <Title>Quy tắc {name}</Title>
          <Abstract>en: Rule {name}</Abstract>
          {body}
        </Rule>
        """;

    public const string RedLine = """
        <LineSymbolizer><Stroke><CssParameter name="stroke">#ff0000</CssParameter></Stroke></LineSymbolizer>
        """;
}
