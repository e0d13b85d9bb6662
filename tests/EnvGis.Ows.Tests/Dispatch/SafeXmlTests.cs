using EnvGis.Ows.Dispatch;

namespace EnvGis.Ows.Tests.Dispatch;

public sealed class SafeXmlTests
{
    [Theory]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><x>&b;</x>")]
    [InlineData("<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/evil.dtd\"><x/>")]
    [InlineData("<x>unclosed")]
    public void Dtds_entities_and_broken_xml_are_refused(string xml)
    {
        var e = Assert.Throws<OwsException>(() => SafeXml.Parse(xml, "request"));
        Assert.Equal(OwsException.OperationParsingFailed, e.Code);
        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public void Deep_documents_are_refused_without_recursion()
    {
        var xml = string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000));
        var e = Assert.Throws<OwsException>(() => SafeXml.Parse(xml, "request"));
        Assert.Contains("nested", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kvp_names_are_case_insensitive_and_blank_values_absent()
    {
        var kvp = new KeyValueParameters([new("SeRvIcE", "WFS"), new("typeNames", " envgis:rivers "), new("count", "")]);
        Assert.Equal("WFS", kvp.Get("service"));
        Assert.Equal("envgis:rivers", kvp.Get("TYPENAMES"));
        Assert.Null(kvp.Get("COUNT"));
        Assert.Equal("envgis:rivers", kvp.Get("typename", "typenames"));
    }
}
