using System.Text.Json.Serialization;

namespace EnvGis.Core.Styling;

/// <summary>
/// The subset of OGC Filter Encoding that styles use; <c>op</c> in JSON tells the kinds apart.
/// <see cref="Evaluate"/> asks <c>getProperty</c> for attribute values (null when absent).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(EqualToFilter), "eq")]
[JsonDerivedType(typeof(NotEqualToFilter), "ne")]
[JsonDerivedType(typeof(LessThanFilter), "lt")]
[JsonDerivedType(typeof(LessThanOrEqualToFilter), "le")]
[JsonDerivedType(typeof(GreaterThanFilter), "gt")]
[JsonDerivedType(typeof(GreaterThanOrEqualToFilter), "ge")]
[JsonDerivedType(typeof(LikeFilter), "like")]
[JsonDerivedType(typeof(IsNullFilter), "isNull")]
[JsonDerivedType(typeof(BetweenFilter), "between")]
[JsonDerivedType(typeof(AndFilter), "and")]
[JsonDerivedType(typeof(OrFilter), "or")]
[JsonDerivedType(typeof(NotFilter), "not")]
public abstract record StyleFilter
{
    public abstract bool Evaluate(Func<string, object?> getProperty);
}
