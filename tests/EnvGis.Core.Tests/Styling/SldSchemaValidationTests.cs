using System.Xml;
using System.Xml.Schema;

namespace EnvGis.Core.Tests.Styling;

/// <summary>Every style file is valid against the official SLD 1.0.0 schema (offline copies).</summary>
public sealed class SldSchemaValidationTests
{
    private static readonly Lazy<XmlSchemaSet> Sld100 = new(LoadSchemas);

    public static TheoryData<string> StyleFiles() => new(StylingPaths.StyleFiles().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(StyleFiles))]
    public void Style_file_validates_against_SLD_1_0_0(string fileName)
    {
        var errors = Validate(File.ReadAllText(Path.Combine(StylingPaths.StylesFolder, fileName)));

        Assert.True(errors.Count == 0, $"{fileName}:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void Validation_rejects_an_SLD_with_elements_out_of_order()
    {
        // Control: proves the schema is really applied (MaxScaleDenominator must follow the Filter).
        const string invalid = """
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer><Name>x</Name><UserStyle><FeatureTypeStyle><Rule>
                <MaxScaleDenominator>1000</MaxScaleDenominator>
                <ogc:Filter><ogc:PropertyIsNull><ogc:PropertyName>a</ogc:PropertyName></ogc:PropertyIsNull></ogc:Filter>
                <LineSymbolizer/>
              </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;

        Assert.NotEmpty(Validate(invalid));
    }

    [Fact]
    public void Validation_reports_elements_the_schema_does_not_know()
    {
        const string unknown = """
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
              <NamedLayer><Name>x</Name><UserStyle><FeatureTypeStyle><Rule>
                <LineSymbolizer><VendorOption name="x">1</VendorOption></LineSymbolizer>
              </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;

        Assert.NotEmpty(Validate(unknown));
    }

    private static List<string> Validate(string sld)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Sld100.Value,
            // No ProcessSchemaLocation: the files' xsi:schemaLocation must not make us go online.
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(sld), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var problems = new List<string>();
        var schemas = new XmlSchemaSet { XmlResolver = new OfflineSchemaResolver(StylingPaths.SchemaFolder) };
        schemas.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        schemas.Add("http://www.opengis.net/sld", "http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd");
        schemas.Compile();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The SLD 1.0.0 schema did not load cleanly:\n" + string.Join("\n", problems));
        }
        return schemas;
    }
}
