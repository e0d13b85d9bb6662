using System.Text;
using System.Xml;
using System.Xml.Linq;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Tests.Schemas;
using EnvGis.Ows.Wfs.Transaction;

namespace EnvGis.Ows.Tests.Wfs;

/// <summary>The Transaction responses against the official WFS schemas, and the 1.0.0 shape GDAL and QGIS read.</summary>
public sealed class TransactionResponseTests
{
    private static TransactionResult Result()
    {
        var first = new InsertAction("first", "Insert[1]", []);
        var second = new InsertAction(null, "Insert[2]", []);
        var result = new TransactionResult { Deleted = 2 };
        result.Inserted.Add((first, "rivers.11"));
        result.Inserted.Add((first, "rivers.12"));
        result.Inserted.Add((second, "rivers.13"));
        result.Updated.Add(("rivers.5", 4));
        result.Replaced.Add(("rivers.6", 2));
        return result;
    }

    private static string Write(string version, TransactionResult result)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, OwsXml.WriterSettings))
        {
            TransactionResponseWriter.Write(xml, version, result);
        }

        return text.ToString();
    }

    [Fact]
    public void The_1_1_0_response_is_valid_with_lowercase_totals_and_fids_in_insert_order()
    {
        var xml = Write("1.1.0", Result());
        OgcSchemas.AssertValid(xml, OgcSchemas.Load([OgcSchemas.Wfs11]));
        XNamespace wfs = "http://www.opengis.net/wfs";
        var root = XElement.Parse(xml);
        Assert.Equal(["3", "1", "2"], new[] { "totalInserted", "totalUpdated", "totalDeleted" }
            .Select(n => root.Element(wfs + "TransactionSummary")!.Element(wfs + n)!.Value));
        Assert.Equal(["rivers.11", "rivers.12", "rivers.13"], root.Element(wfs + "InsertResults")!.Elements(wfs + "Feature")
            .Select(f => f.Element(XName.Get("FeatureId", OwsXml.Ogc))!.Attribute("fid")!.Value));
    }

    [Fact]
    public void The_2_0_0_response_is_valid_with_resource_ids()
    {
        var xml = Write("2.0.0", Result());
        OgcSchemas.AssertValid(xml, OgcSchemas.Load([OgcSchemas.Wfs20]));
        Assert.Contains("<wfs:totalReplaced>1</wfs:totalReplaced>", xml);
        Assert.Contains("rid=\"rivers.13\"", xml);
        Assert.Contains("rid=\"rivers.5\" version=\"4\"", xml);
        OgcSchemas.AssertValid(Write("2.0.0", new TransactionResult()), OgcSchemas.Load([OgcSchemas.Wfs20]));
    }

    [Fact]
    public void The_1_0_0_response_groups_fids_by_Insert_and_says_SUCCESS()
    {
        var root = XElement.Parse(Write("1.0.0", Result()));
        XNamespace wfs = "http://www.opengis.net/wfs";
        Assert.Equal("WFS_TransactionResponse", root.Name.LocalName);
        var inserts = root.Elements(wfs + "InsertResult").ToList();
        Assert.Equal(2, inserts.Count);
        Assert.Equal("first", inserts[0].Attribute("handle")!.Value);
        Assert.Equal(["rivers.11", "rivers.12"], inserts[0].Elements().Select(e => e.Attribute("fid")!.Value));
        Assert.NotNull(root.Element(wfs + "TransactionResult")!.Element(wfs + "Status")!.Element(wfs + "SUCCESS"));
    }
}
