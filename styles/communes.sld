<?xml version="1.0" encoding="UTF-8"?>
<!-- EnvGis style of layer communes: thin grey dashed boundaries, no fill; names only at large scales. Conventions: styles/README.md -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>communes</Name>
    <UserStyle>
      <Name>communes</Name>
      <Title>Đơn vị hành chính cấp xã</Title>
      <Abstract>en: Communes, wards and special zones</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <Name>boundary</Name>
          <Title>Ranh giới đơn vị hành chính cấp xã</Title>
          <Abstract>en: Commune boundary</Abstract>
          <PolygonSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#737373</CssParameter>
              <CssParameter name="stroke-width">0.8</CssParameter>
              <CssParameter name="stroke-opacity">1</CssParameter>
              <CssParameter name="stroke-dasharray">4 3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>label</Name>
          <Title>Nhãn tên xã, phường, đặc khu</Title>
          <Abstract>en: Commune, ward and special zone name labels</Abstract>
          <MaxScaleDenominator>100000</MaxScaleDenominator>
          <TextSymbolizer>
            <Label>
              <ogc:PropertyName>name</ogc:PropertyName>
            </Label>
            <Font>
              <CssParameter name="font-family">Noto Sans</CssParameter>
              <CssParameter name="font-size">10</CssParameter>
              <CssParameter name="font-style">normal</CssParameter>
              <CssParameter name="font-weight">normal</CssParameter>
            </Font>
            <LabelPlacement>
              <PointPlacement/>
            </LabelPlacement>
            <Halo>
              <Radius>1.5</Radius>
              <Fill>
                <CssParameter name="fill">#ffffff</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#4d4d4d</CssParameter>
            </Fill>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
