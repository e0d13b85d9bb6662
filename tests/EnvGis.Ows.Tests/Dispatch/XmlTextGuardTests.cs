using System.Text;
using System.Xml;
using System.Xml.Linq;
using EnvGis.Core.Text;
using EnvGis.Ows.Dispatch;

namespace EnvGis.Ows.Tests.Dispatch;

public sealed class XmlTextGuardTests
{
    [Fact]
    public void Characters_XML_cannot_carry_become_U_FFFD_in_text_and_attributes()
    {
        var output = new StringBuilder();
        using (var xml = new XmlTextGuard(XmlWriter.Create(output, OwsXml.WriterSettings)))
        {
            xml.WriteStartElement("r");
            xml.WriteAttributeString("a", "x\u0000y\uD800z");
            xml.WriteString("tab\tok, nul\u0000, bell\u0007, nel\u0085, \uFFFE, pair 🐟");
            xml.WriteElementString("e", "\u0001");
            xml.WriteEndElement();
        }

        var root = XElement.Parse(output.ToString().Replace("<?xml version=\"1.0\" encoding=\"utf-16\"?>", "", StringComparison.Ordinal));
        Assert.Equal("x\uFFFDy\uFFFDz", root.Attribute("a")!.Value);
        Assert.Contains("tab\tok, nul\uFFFD, bell\uFFFD, nel\u0085, \uFFFD, pair 🐟", root.Value);
        Assert.Equal("\uFFFD", root.Element("e")!.Value);
    }

    [Theory]
    [InlineData("plain Hải Phòng", null)]
    [InlineData("tab\tline\nreturn\r", null)]
    [InlineData("pair 🐟", null)]
    [InlineData("nul\u0000", "U+0000")]
    [InlineData("del\u007F", "U+007F")]
    [InlineData("c1\u0085", "U+0085")]
    [InlineData("\uFFFF", "U+FFFF")]
    public void The_input_rule_refuses_controls_and_lone_surrogates(string text, string? problem)
    {
        var found = TextCheck.Problem(text);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found);
        }
    }

    [Fact]
    public void Lone_surrogates_are_refused_and_pairs_kept()
    {
        // Built here: theory data would turn a lone surrogate into U+FFFD on its way to the runner.
        Assert.Contains("surrogate", TextCheck.Problem("lone" + (char)0xD800));
        Assert.Contains("surrogate", TextCheck.Problem("lone" + (char)0xDC00 + "x"));
        Assert.Contains("surrogate", TextCheck.Problem(new string([(char)0xDC00, (char)0xD800])));
        Assert.Null(TextCheck.Problem(new string([(char)0xD83D, (char)0xDC1F])));
    }
}
