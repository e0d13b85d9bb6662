using System.Globalization;
using System.Xml;
using EnvGis.Ows.Dispatch;
using EnvGis.Core.Filters;
using EnvGis.Ows.Filters;

namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>
/// The transaction responses clients read (docs/ogc-clients.md): WFS 1.0.0
/// <c>WFS_TransactionResponse</c> with <c>InsertResult/ogc:FeatureId/@fid</c> and Status SUCCESS;
/// WFS 1.1.0 <c>TransactionSummary</c> with lower-case totalInserted/totalUpdated/totalDeleted and
/// <c>InsertResults/Feature/ogc:FeatureId/@fid</c> in insert order; WFS 2.0.0 the same summary (plus
/// totalReplaced) with <c>fes:ResourceId/@rid</c>.
/// </summary>
public static class TransactionResponseWriter
{
    public static void Write(XmlWriter xml, string version, TransactionResult result)
    {
        xml.WriteStartDocument();
        switch (version)
        {
            case WfsVersions.V100:
                Write10(xml, result);
                break;
            case WfsVersions.V110:
                Write11(xml, result);
                break;
            default:
                Write20(xml, result);
                break;
        }

        xml.WriteEndDocument();
    }

    private static void Write10(XmlWriter xml, TransactionResult result)
    {
        const string Wfs = WfsVersions.Wfs1Namespace;
        xml.WriteStartElement("wfs", "WFS_TransactionResponse", Wfs);
        xml.WriteAttributeString("xmlns", "ogc", null, OwsXml.Ogc);
        xml.WriteAttributeString("version", WfsVersions.V100);
        foreach (var group in result.Inserted.GroupBy(i => i.Action))
        {
            xml.WriteStartElement("wfs", "InsertResult", Wfs);
            Handle(xml, group.Key.Handle);
            foreach (var (_, fid) in group)
            {
                xml.WriteStartElement("ogc", "FeatureId", OwsXml.Ogc);
                xml.WriteAttributeString("fid", fid);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("wfs", "TransactionResult", Wfs);
        xml.WriteStartElement("wfs", "Status", Wfs);
        xml.WriteElementString("wfs", "SUCCESS", Wfs, null);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Write11(XmlWriter xml, TransactionResult result)
    {
        const string Wfs = WfsVersions.Wfs1Namespace;
        xml.WriteStartElement("wfs", "TransactionResponse", Wfs);
        xml.WriteAttributeString("xmlns", "ogc", null, OwsXml.Ogc);
        xml.WriteAttributeString("version", WfsVersions.V110);
        xml.WriteStartElement("wfs", "TransactionSummary", Wfs);
        Total(xml, Wfs, "totalInserted", result.Inserted.Count);
        Total(xml, Wfs, "totalUpdated", result.Updated.Count);
        Total(xml, Wfs, "totalDeleted", result.Deleted);
        xml.WriteEndElement();
        if (result.Inserted.Count > 0)
        {
            xml.WriteStartElement("wfs", "InsertResults", Wfs);
            foreach (var (action, fid) in result.Inserted)
            {
                xml.WriteStartElement("wfs", "Feature", Wfs);
                Handle(xml, action.Handle);
                xml.WriteStartElement("ogc", "FeatureId", OwsXml.Ogc);
                xml.WriteAttributeString("fid", fid);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Write20(XmlWriter xml, TransactionResult result)
    {
        const string Wfs = WfsVersions.Wfs20Namespace;
        xml.WriteStartElement("wfs", "TransactionResponse", Wfs);
        xml.WriteAttributeString("xmlns", "fes", null, FesParser.Fes20);
        xml.WriteAttributeString("version", WfsVersions.V200);
        xml.WriteStartElement("wfs", "TransactionSummary", Wfs);
        Total(xml, Wfs, "totalInserted", result.Inserted.Count);
        Total(xml, Wfs, "totalUpdated", result.Updated.Count);
        Total(xml, Wfs, "totalReplaced", result.Replaced.Count);
        Total(xml, Wfs, "totalDeleted", result.Deleted);
        xml.WriteEndElement();
        Results20(xml, "InsertResults", result.Inserted.Select(i => (i.FeatureId, (int?)null, i.Action.Handle)));
        Results20(xml, "UpdateResults", result.Updated.Select(u => (u.FeatureId, (int?)u.Version, (string?)null)));
        Results20(xml, "ReplaceResults", result.Replaced.Select(r => (r.FeatureId, (int?)r.Version, (string?)null)));
        xml.WriteEndElement();
    }

    private static void Results20(XmlWriter xml, string element, IEnumerable<(string FeatureId, int? Version, string? Handle)> features)
    {
        const string Wfs = WfsVersions.Wfs20Namespace;
        var list = features.ToList();
        if (list.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("wfs", element, Wfs);
        foreach (var (fid, version, handle) in list)
        {
            xml.WriteStartElement("wfs", "Feature", Wfs);
            Handle(xml, handle);
            xml.WriteStartElement("fes", "ResourceId", FesParser.Fes20);
            xml.WriteAttributeString("rid", fid);
            if (version is { } v)
            {
                xml.WriteAttributeString("version", v.ToString(CultureInfo.InvariantCulture));
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Total(XmlWriter xml, string ns, string name, int count) =>
        xml.WriteElementString("wfs", name, ns, count.ToString(CultureInfo.InvariantCulture));

    private static void Handle(XmlWriter xml, string? handle)
    {
        if (handle is not null)
        {
            xml.WriteAttributeString("handle", handle);
        }
    }
}
