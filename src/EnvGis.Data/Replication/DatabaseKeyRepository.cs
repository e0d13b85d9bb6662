using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnvGis.Data.Replication;

/// <summary>
/// The Data Protection key ring in envgis.data_protection_keys, shared by every node (docs/scale-out.md).
/// Keys a single server kept in a folder before are imported once, so signed-in users stay signed in.
/// </summary>
public sealed class DatabaseKeyRepository(NpgsqlDataSource primary, string? legacyFolder, ILogger<DatabaseKeyRepository> logger) : IXmlRepository
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
    private int imported;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        ImportLegacyOnce();
        using var command = primary.CreateCommand("SELECT xml FROM envgis.data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            using var xml = XmlReader.Create(new StringReader(reader.GetString(0)), Settings);
            elements.Add(XElement.Load(xml));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = primary.CreateCommand(
            "INSERT INTO envgis.data_protection_keys (friendly_name, xml) VALUES ($1, $2) ON CONFLICT (friendly_name) DO NOTHING");
        command.Parameters.AddWithValue(friendlyName);
        command.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private void ImportLegacyOnce()
    {
        if (Interlocked.Exchange(ref imported, 1) == 1 || legacyFolder is null || !Directory.Exists(legacyFolder))
        {
            return;
        }

        var files = Directory.GetFiles(legacyFolder, "*.xml");
        var count = 0;
        foreach (var file in files)
        {
            using var xml = XmlReader.Create(file, Settings);
            var element = XElement.Load(xml);
            using var command = primary.CreateCommand(
                "INSERT INTO envgis.data_protection_keys (friendly_name, xml) VALUES ($1, $2) ON CONFLICT (friendly_name) DO NOTHING");
            command.Parameters.AddWithValue(Path.GetFileNameWithoutExtension(file));
            command.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
            count += command.ExecuteNonQuery();
        }

        if (count > 0)
        {
            logger.LogInformation("Moved {Count} Data Protection keys from {Folder} into the database", count, legacyFolder);
        }
    }
}
