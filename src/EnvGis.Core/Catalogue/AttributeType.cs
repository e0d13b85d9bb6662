namespace EnvGis.Core.Catalogue;

/// <summary>The types a layer attribute may have; each maps to one PostgreSQL and one XSD type.</summary>
public enum AttributeType
{
    Text,
    Integer,
    Number,
    Date,
    DateTime,
    Boolean,
}
