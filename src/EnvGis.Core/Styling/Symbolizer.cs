using System.Text.Json.Serialization;

namespace EnvGis.Core.Styling;

/// <summary>How a rule paints a feature; <c>type</c> in JSON tells the kinds apart.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PolygonSymbolizer), "polygon")]
[JsonDerivedType(typeof(LineSymbolizer), "line")]
[JsonDerivedType(typeof(PointSymbolizer), "point")]
[JsonDerivedType(typeof(TextSymbolizer), "text")]
public abstract record Symbolizer;
