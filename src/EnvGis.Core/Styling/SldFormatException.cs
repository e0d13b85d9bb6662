namespace EnvGis.Core.Styling;

/// <summary>The SLD cannot be read at all: not XML, a DTD, or not a StyledLayerDescriptor with a style.</summary>
public sealed class SldFormatException : FormatException
{
    public SldFormatException(string message)
        : base(message)
    {
    }

    public SldFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
