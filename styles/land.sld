<?xml version="1.0" encoding="UTF-8"?>
<!-- EnvGis style of layer land: base map: light neutral fill, no outline, no labels. Conventions: styles/README.md -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>land</Name>
    <UserStyle>
      <Name>land</Name>
      <Title>Đất liền và đảo</Title>
      <Abstract>en: Land and islands</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <Name>land</Name>
          <Title>Đất liền và đảo</Title>
          <Abstract>en: Land and islands</Abstract>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#f2efe9</CssParameter>
              <CssParameter name="fill-opacity">1</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
