using System.Xml;
using System.Xml.Linq;

namespace EnvGis.Ows.Dispatch;

/// <summary>
/// Reads request XML without DTDs, entities or external resources, with a size and a depth limit,
/// so hostile documents are refused before anything interprets them.
/// </summary>
public static class SafeXml
{
    public const int MaxDepth = 256;

    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 0,
        Async = false,
        CloseInput = false,
    };

    public static XElement Parse(string text, string locator) => Parse(new StringReader(text), locator);

    public static XElement Parse(byte[] bytes, string locator)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return Parse(new StreamReader(stream, detectEncodingFromByteOrderMarks: true), locator);
    }

    private static XElement Parse(TextReader text, string locator)
    {
        try
        {
            // Depth first, without building anything; then the tree.
            var buffer = text.ReadToEnd();
            using (var reader = XmlReader.Create(new StringReader(buffer), Settings))
            {
                while (reader.Read())
                {
                    if (reader.Depth > MaxDepth)
                    {
                        throw OwsException.Parsing(locator, $"The XML is nested more than {MaxDepth} levels deep.");
                    }
                }
            }

            using var treeReader = XmlReader.Create(new StringReader(buffer), Settings);
            return XElement.Load(treeReader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw OwsException.Parsing(locator, $"The XML could not be read: {e.Message}");
        }
    }
}
