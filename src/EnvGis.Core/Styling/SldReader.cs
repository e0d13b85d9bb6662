using System.Xml;
using System.Xml.Linq;

namespace EnvGis.Core.Styling;

/// <summary>
/// Reads an SLD 1.0.0 file into a <see cref="LayerStyle"/>. Whatever the model cannot carry is left out
/// and reported as a <see cref="StyleWarning"/>, so the server can say so at start-up. The caller does
/// the file IO; DTDs and external entities are refused, never resolved.
/// </summary>
public static class SldReader
{
    // Style files are a few kilobytes; this only bounds a runaway input.
    private const long MaxCharacters = 4_000_000;

    public static SldReadResult Read(Stream stream, string layerName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var xml = XmlReader.Create(stream, Settings());
        return Read(xml, layerName);
    }

    public static SldReadResult Read(TextReader reader, string layerName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var xml = XmlReader.Create(reader, Settings());
        return Read(xml, layerName);
    }

    private static SldReadResult Read(XmlReader xml, string layerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(layerName);
        XDocument document;
        try
        {
            document = XDocument.Load(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new SldFormatException($"{layerName}.sld is not acceptable XML (DTDs and entities are refused): {e.Message}", e);
        }
        var context = new SldContext(layerName);
        var style = new SldDocumentReader(context).Read(document.Root!);
        return new SldReadResult(style, context.Warnings.AsReadOnly());
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxCharacters,
        CloseInput = false,
    };
}
