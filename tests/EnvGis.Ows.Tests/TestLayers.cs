using EnvGis.Core.Catalogue;
using EnvGis.Ows.Features;

namespace EnvGis.Ows.Tests;

/// <summary>Small catalogue layers for unit tests.</summary>
public static class TestLayers
{
    public static LayerDefinition Stations { get; } = new(
        "monitoring_stations",
        new LocalizedText("Trạm quan trắc", "Monitoring stations"),
        new LocalizedText("", ""),
        1,
        GeometryKind.Point,
        false,
        "name",
        1,
        [
            new AttributeDefinition("name", AttributeType.Text, true, null, new LocalizedText("Tên", "Name")),
            new AttributeDefinition("aqi", AttributeType.Integer, false, null, new LocalizedText("AQI", "AQI")),
            new AttributeDefinition("area_ha", AttributeType.Number, false, null, new LocalizedText("ha", "ha")),
            new AttributeDefinition("automatic", AttributeType.Boolean, false, null, new LocalizedText("a", "a")),
            new AttributeDefinition("observed_on", AttributeType.Date, false, null, new LocalizedText("d", "d")),
            new AttributeDefinition("measured_at", AttributeType.DateTime, false, null, new LocalizedText("t", "t")),
        ]);

    public static LayerDefinition Zones { get; } = Stations with { Name = "polluted_zones", GeometryKind = GeometryKind.MultiPolygon };

    public static FeatureType StationType { get; } = FeatureType.Of(Stations);
}
